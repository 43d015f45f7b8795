import { type Dispatch, type DispatchLine, receiveDispatchInput } from '@atensi/domain';
import {
  Anchor,
  Button,
  Card,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconFileTypePdf, IconPackageImport } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { useDateLabel } from '../outreach/OutreachParts';
import { AnchorLink } from '../persons/AnchorLink';
import { dispatchQueryOptions, downloadWaybill, receiveDispatch } from './api';
import {
  DiscrepancyBadge,
  DispatchStatusBadge,
  Field,
  FormModal,
  QuantityInput,
  RequireAnyPermission,
  useFormSubmit,
} from './DisasterParts';
import { formatCount, localToday, numberValue } from './format';

const route = getRouteApi('/app/surat-jalan/$id');

/** Who may open a waybill: those who follow disasters, and warehouse staff (their own warehouses' transfers). */
const readers = ['logistics.disasters_read', 'logistics.stock_read'] as const;

/** One waybill (surat jalan): from where to where, the lots sent, and what arrived. */
export function DispatchDetailPage() {
  const { id } = route.useParams();
  const query = useQuery(dispatchQueryOptions(id));
  return (
    <RequireAnyPermission permissions={readers}>
      <Stack gap="md">
        <BackLink dispatch={query.data} />
        <QueryState query={query} rows={8}>
          {(d) => <DispatchDetail value={d} onReload={() => void query.refetch()} />}
        </QueryState>
      </Stack>
    </RequireAnyPermission>
  );
}

/** Back to the disaster the waybill serves; a warehouse transfer goes back where the person came from. */
function BackLink({ dispatch }: { dispatch: Dispatch | undefined }) {
  const { t } = useTranslation();
  const router = useRouter();
  const content = (label: string) => (
    <Group gap={4}>
      <IconArrowLeft size={14} aria-hidden />
      {label}
    </Group>
  );
  if (dispatch?.disasterId) {
    return (
      <AnchorLink to="/bencana/$id" params={{ id: dispatch.disasterId }} size="sm">
        {content(t('disasters.dispatch.backToDisaster', { name: dispatch.disasterName ?? '' }))}
      </AnchorLink>
    );
  }
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => router.history.back()}>
      {content(t('disasters.dispatch.back'))}
    </Anchor>
  );
}

/** "Beras 5 kg LOT-2026-01", or just the item when the lot has no number. */
const lineName = (l: Pick<DispatchLine, 'itemName' | 'lotNumber'>) =>
  `${l.itemName} ${l.lotNumber ?? ''}`.trim();

function DispatchDetail({ value: d, onReload }: { value: Dispatch; onReload: () => void }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const queryClient = useQueryClient();
  const [downloading, setDownloading] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const canReceive = d.canReceive && d.status === 'in_transit';
  /** Six columns do not fit a phone: there lot, expiry and note go under the item. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const none = t('common.none');

  const onPdf = async () => {
    setDownloading(true);
    try {
      await downloadWaybill(d);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setDownloading(false);
    }
  };

  const onSaved = (updated: Dispatch) => {
    queryClient.setQueryData(dispatchQueryOptions(d.id).queryKey, updated);
    // The post's stock and the disaster's "received" figures changed too.
    void queryClient.invalidateQueries({ queryKey: ['logistics'] });
  };

  return (
    <>
      <PageHeader
        title={t('disasters.dispatch.title', { number: d.number })}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              loading={downloading}
              onClick={() => void onPdf()}
            >
              {t('disasters.dispatch.pdf')}
            </Button>
            {canReceive && (
              <Button
                leftSection={<IconPackageImport size={16} aria-hidden />}
                onClick={() => setReceiving(true)}
              >
                {t('disasters.dispatch.receive')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder component="section" aria-labelledby="dispatch-overview">
        <Group gap="xs" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id="dispatch-overview" mr="xs">
            {t('disasters.dispatch.overview')}
          </Title>
          <DispatchStatusBadge status={d.status} />
          {d.hasDiscrepancy && <DiscrepancyBadge />}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Field label={t('disasters.dispatch.from')}>{d.fromWarehouseName}</Field>
          <Field label={t('disasters.dispatch.to')}>{d.toWarehouseName}</Field>
          {d.disasterId && (
            <Field label={t('disasters.dispatch.disaster')}>
              <AnchorLink to="/bencana/$id" params={{ id: d.disasterId }} size="sm">
                {d.disasterName ?? none}
              </AnchorLink>
            </Field>
          )}
          <Field label={t('disasters.dispatch.sentOn')}>{dateLabel(d.sentOn)}</Field>
          <Field label={t('disasters.dispatch.sentBy')}>{d.sentBy ?? none}</Field>
          <Field label={t('disasters.dispatch.vehicle')}>{d.vehicle ?? none}</Field>
          <Field label={t('disasters.dispatch.driver')}>{d.driverName ?? none}</Field>
          <Field label={t('disasters.dispatch.receivedOn')}>
            {d.receivedOn ? dateLabel(d.receivedOn) : none}
          </Field>
          <Field label={t('disasters.dispatch.receivedBy')}>{d.receivedBy ?? none}</Field>
          {d.note && <Field label={t('disasters.dispatch.note')}>{d.note}</Field>}
        </SimpleGrid>
        {d.status === 'in_transit' && !canReceive && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('disasters.dispatch.awaiting')}
          </Text>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="dispatch-lines">
        <Title order={2} size="h4" mb="sm" id="dispatch-lines">
          {t('disasters.dispatch.linesTitle')}
        </Title>
        <Table.ScrollContainer
          minWidth={phone ? 300 : 720}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('disasters.dispatch.linesLabel')}
        >
          <Table aria-label={t('disasters.dispatch.linesLabel')} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('disasters.dispatch.item')}</Table.Th>
                {!phone && (
                  <>
                    <Table.Th scope="col">{t('disasters.dispatch.lot')}</Table.Th>
                    <Table.Th scope="col">{t('disasters.dispatch.expiresOn')}</Table.Th>
                  </>
                )}
                <Table.Th scope="col" ta="right">
                  {t('disasters.dispatch.sent')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('disasters.dispatch.received')}
                </Table.Th>
                {!phone && <Table.Th scope="col">{t('disasters.dispatch.discrepancyNote')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.lines.map((l) => {
                const short = l.quantityReceived !== null && l.quantityReceived < l.quantitySent;
                return (
                  <Table.Tr key={l.id}>
                    <Table.Th scope="row" fw={600}>
                      {l.itemName}
                      {/* On a phone the lot, its expiry and the note go under the item. */}
                      {phone && (l.lotNumber || l.expiresOn) && (
                        <Text size="xs" c="dimmed" fw={400}>
                          {[
                            l.lotNumber && `${t('disasters.dispatch.lot')} ${l.lotNumber}`,
                            l.expiresOn && t('disasters.receive.expires', { date: dateLabel(l.expiresOn) }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      )}
                      {phone && l.discrepancyNote && (
                        <Text size="xs" fw={400}>
                          {t('disasters.dispatch.discrepancyNote')}: {l.discrepancyNote}
                        </Text>
                      )}
                    </Table.Th>
                    {!phone && (
                      <>
                        <Table.Td ff="monospace">{l.lotNumber ?? none}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {l.expiresOn ? dateLabel(l.expiresOn) : none}
                        </Table.Td>
                      </>
                    )}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('disasters.quantityUnit', { quantity: formatCount(l.quantitySent), unit: l.unit })}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      style={{ whiteSpace: 'nowrap' }}
                      c={short ? 'red.9' : undefined}
                      fw={short ? 700 : undefined}
                    >
                      {l.quantityReceived === null
                        ? none
                        : t('disasters.quantityUnit', {
                            quantity: formatCount(l.quantityReceived),
                            unit: l.unit,
                          })}
                    </Table.Td>
                    {!phone && <Table.Td>{l.discrepancyNote ?? none}</Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {canReceive && receiving && (
        <ReceiveModal value={d} onClose={() => setReceiving(false)} onSaved={onSaved} onReload={onReload} />
      )}
    </>
  );
}

type LineValues = { quantity: number | string; note: string };

/**
 * "Konfirmasi penerimaan": what arrived, line by line, prefilled with what was sent. Anything
 * short needs a note (checked here as on the server); more than was sent cannot arrive.
 */
function ReceiveModal({
  value: d,
  onClose,
  onSaved,
  onReload,
}: {
  value: Dispatch;
  onClose: () => void;
  onSaved: (d: Dispatch) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const f = useFormSubmit();
  const today = localToday();
  const sentOn = d.sentOn.slice(0, 10);
  const [receivedOn, setReceivedOn] = useState(today < sentOn ? sentOn : today);
  const [lines, setLines] = useState<LineValues[]>(() =>
    d.lines.map((l) => ({ quantity: l.quantitySent, note: '' })),
  );

  const setLine = (index: number, patch: Partial<LineValues>) => {
    setLines((list) => list.map((l, i) => (i === index ? { ...l, ...patch } : l)));
    for (const key of Object.keys(patch))
      f.clear(`lines.${index}.${key === 'note' ? 'discrepancyNote' : 'quantityReceived'}`);
  };

  /** A line received short of what was sent (so its note is required). */
  const short = (index: number) => {
    const sent = d.lines[index]?.quantitySent ?? 0;
    const received = numberValue(lines[index]?.quantity ?? '');
    return received !== undefined && received < sent;
  };

  const submit = () => {
    const raw = {
      receivedOn,
      lines: d.lines.map((l, i) => ({
        lineId: l.id,
        quantityReceived: numberValue(lines[i]?.quantity ?? ''),
        discrepancyNote: lines[i]?.note.trim() || null,
      })),
      version: d.version,
    };
    const extra: Record<string, string> = {};
    d.lines.forEach((l, i) => {
      const received = numberValue(lines[i]?.quantity ?? '');
      if (received !== undefined && received > l.quantitySent) {
        extra[`lines.${i}.quantityReceived`] = t('disasters.receive.overSent', {
          quantity: formatCount(l.quantitySent),
        });
      } else if (short(i) && !lines[i]?.note.trim()) {
        extra[`lines.${i}.discrepancyNote`] = t('disasters.receive.noteRequired');
      }
    });
    void f.submit(
      receiveDispatchInput,
      raw,
      async (input) => {
        onSaved(await receiveDispatch(d.id, input));
        notify({ color: 'green', message: t('disasters.receive.saved') });
        onClose();
      },
      extra,
    );
  };

  return (
    <FormModal
      size="lg"
      title={t('disasters.receive.title')}
      submitLabel={t('disasters.receive.submit')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      formRef={f.formRef}
    >
      <Text size="sm">{t('disasters.receive.intro')}</Text>
      <TextInput
        type="date"
        label={t('disasters.receive.receivedOn')}
        required
        min={sentOn}
        max={today}
        value={receivedOn}
        onChange={(e) => {
          setReceivedOn(e.currentTarget.value);
          f.clear('receivedOn');
        }}
        error={f.errors.receivedOn}
      />
      {d.lines.map((l, i) => {
        const name = lineName(l);
        return (
          <Fieldset key={l.id} legend={name} radius="sm" styles={{ legend: { fontWeight: 700 } }}>
            <Stack gap="xs">
              <Text size="sm">
                {t('disasters.receive.sent', {
                  quantity: t('disasters.quantityUnit', {
                    quantity: formatCount(l.quantitySent),
                    unit: l.unit,
                  }),
                })}
                {l.expiresOn ? ` · ${t('disasters.receive.expires', { date: dateLabel(l.expiresOn) })}` : ''}
              </Text>
              <QuantityInput
                label={t('disasters.receive.quantityLabel', { line: name })}
                required
                min={0}
                max={l.quantitySent}
                value={lines[i]?.quantity ?? ''}
                onChange={(v) => setLine(i, { quantity: v })}
                error={f.errors[`lines.${i}.quantityReceived`]}
              />
              <Textarea
                label={t('disasters.receive.noteLabel', { line: name })}
                required={short(i)}
                autosize
                minRows={short(i) ? 2 : 1}
                maxLength={500}
                value={lines[i]?.note ?? ''}
                onChange={(e) => setLine(i, { note: e.currentTarget.value })}
                error={f.errors[`lines.${i}.discrepancyNote`]}
              />
            </Stack>
          </Fieldset>
        );
      })}
      {f.errors.lines && (
        <Text size="sm" c="red.8" role="alert">
          {f.errors.lines}
        </Text>
      )}
    </FormModal>
  );
}
