import {
  acceptProposalInput,
  type Disaster,
  type DisasterNeed,
  type Dispatch,
  type DispatchProposal,
  limits,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconRefresh, IconTruckDelivery, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { QueryState } from '../../components/PageStates';
import { AnchorLink } from '../persons/AnchorLink';
import { acceptProposal, proposalQueryOptions } from './api';
import { QuantityInput, SaveError, useFormSubmit } from './DisasterParts';
import { formatCount, formatKm, numberValue } from './format';
import { type MinimumNote, minimumNote } from './minimum-note';

/** A random key per opened proposal, so a retried acceptance is recorded once (`crypto.randomUUID` is RFC 4122). */
const newKey = () => crypto.randomUUID();

/**
 * "Usulan pengiriman" for one need: the warehouses that could ship it, nearest first, with the
 * quantities the server proposes — stock above each warehouse's minimum level first; each line
 * says when it keeps, or goes below, its minimum and why. Nothing moves until the person
 * approves; they may change the quantities first. Approving makes one waybill (surat jalan) per
 * source warehouse. A centre head sends only from their own centre's warehouses; the other
 * lines wait for central staff.
 */
export function ProposalPanel({
  disaster,
  need,
  onClose,
}: {
  disaster: Disaster;
  need: DisasterNeed;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const proposal = useQuery(proposalQueryOptions(disaster.id, need.id));
  const [created, setCreated] = useState<Dispatch[] | null>(null);
  /** Made when the panel opens, kept across retries of the same approval (the server records it once). */
  const [key, setKey] = useState(newKey);

  // Opened from a button in the table above: bring the panel into view and say where we are.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('disasters.proposal.title', { item: need.itemName })}
        </Title>
        <Group gap="xs">
          {!created && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={proposal.isFetching && !proposal.isPending}
              onClick={() => void proposal.refetch()}
            >
              {t('disasters.proposal.refresh')}
            </Button>
          )}
          <Button variant="default" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={onClose}>
            {t('disasters.proposal.close')}
          </Button>
        </Group>
      </Group>
      {created ? (
        <CreatedDispatches dispatches={created} />
      ) : (
        <QueryState query={proposal} rows={4}>
          {(p) => (
            <ProposalForm
              key={proposal.dataUpdatedAt}
              disaster={disaster}
              proposal={p}
              idempotencyKey={key}
              onAccepted={(dispatches) => {
                setKey(newKey());
                setCreated(dispatches);
              }}
            />
          )}
        </QueryState>
      )}
    </Card>
  );
}

type Row = { warehouseId: string; quantity: number | string };

function ProposalForm({
  disaster,
  proposal: p,
  idempotencyKey,
  onAccepted,
}: {
  disaster: Disaster;
  proposal: DispatchProposal;
  idempotencyKey: string;
  onAccepted: (dispatches: Dispatch[]) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useFormSubmit();
  /** On a phone the table keeps three columns, so the quantities stay in view. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const [rows, setRows] = useState<Row[]>(() =>
    p.lines.map((l) => ({
      warehouseId: l.warehouseId,
      quantity: l.canSend && l.quantity > 0 ? l.quantity : '',
    })),
  );
  const [vehicle, setVehicle] = useState('');
  const [driverName, setDriverName] = useState('');
  const [note, setNote] = useState('');
  const quantity = (n: number) => t('disasters.quantityUnit', { quantity: formatCount(n), unit: p.unit });
  const total = rows.reduce((sum, r) => sum + (numberValue(r.quantity) ?? 0), 0);
  const over = total > p.outstanding;
  const sendable = p.lines.some((l) => l.canSend);
  /** Proposed from warehouses this user may not send from (a head's view): central staff send it. */
  const byCentral = p.lines.reduce((sum, l) => sum + (l.canSend ? 0 : l.quantity), 0);
  const belowMinimum = p.lines.filter((l) => l.belowMinimum > 0).length;

  const setRow = (index: number, value: number | string) => {
    setRows((list) => list.map((r, i) => (i === index ? { ...r, quantity: value } : r)));
    f.clear(`lines.${index}`);
    f.clear('lines');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Warehouses left at 0 send nothing; `sent[i]` is the table row of the i-th line sent.
    const sent = rows.flatMap((r, i) => ((numberValue(r.quantity) ?? 0) > 0 ? [i] : []));
    const raw = {
      lines: sent.map((i) => ({
        warehouseId: rows[i]?.warehouseId,
        quantity: numberValue(rows[i]?.quantity ?? ''),
      })),
      vehicle: vehicle.trim() || null,
      driverName: driverName.trim() || null,
      note: note.trim() || null,
      idempotencyKey,
    };
    const extra: Record<string, string> = {};
    rows.forEach((r, i) => {
      const available = p.lines[i]?.available ?? 0;
      if ((numberValue(r.quantity) ?? 0) > available) {
        extra[`lines.${i}.quantity`] = t('disasters.proposal.overAvailable', {
          available: formatCount(available),
        });
      }
    });
    if (sent.length === 0) extra.lines = t('disasters.proposal.nothing');
    void f.submit(
      acceptProposalInput,
      raw,
      async (input) => {
        const result = await acceptProposal(disaster.id, p.needId, input);
        notify({
          color: 'green',
          message: t('disasters.proposal.accepted', { count: result.dispatches.length }),
        });
        onAccepted(result.dispatches);
        // Stock moved out of the source warehouses; the need now counts what is on its way.
        void queryClient.invalidateQueries({ queryKey: ['logistics'] });
      },
      extra,
      (path) => path.replace(/^lines\.(\d+)/, (_, n: string) => `lines.${sent[Number(n)] ?? n}`),
    );
  };

  return (
    <form ref={f.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('disasters.proposal.intro')}</Text>
        <Text size="sm" fw={600}>
          {t('disasters.proposal.outstanding', { quantity: quantity(p.outstanding) })}
        </Text>
        {p.lines.length === 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('disasters.proposal.none')}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={phone ? 300 : 760} type="native">
            <Table aria-label={t('disasters.proposal.tableLabel')} verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('disasters.proposal.warehouse')}</Table.Th>
                  {!phone && (
                    <>
                      <Table.Th scope="col">{t('disasters.proposal.center')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.proposal.region')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.proposal.distance')}</Table.Th>
                    </>
                  )}
                  <Table.Th scope="col" ta="right">
                    {t('disasters.proposal.available')}
                  </Table.Th>
                  <Table.Th scope="col">{t('disasters.proposal.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.lines.map((l, i) => {
                  const note = minimumNote(
                    l,
                    l.canSend ? (numberValue(rows[i]?.quantity ?? '') ?? 0) : l.quantity,
                  );
                  return (
                    <Table.Tr key={l.warehouseId}>
                      <Table.Th scope="row" fw={600}>
                        {l.warehouseName}
                        {/* On a phone the balai, region and distance go under the name: the quantity stays in view. */}
                        {phone && (
                          <Text size="xs" c="dimmed" fw={400}>
                            {[l.centerName, l.regionName, distanceText(l.distanceKm, l.sameProvince, t)]
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                        )}
                      </Table.Th>
                      {!phone && (
                        <>
                          <Table.Td>{l.centerName ?? t('common.none')}</Table.Td>
                          <Table.Td>{l.regionName ?? t('common.none')}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {distanceText(l.distanceKm, l.sameProvince, t) || t('common.none')}
                          </Table.Td>
                        </>
                      )}
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {quantity(l.available)}
                        {l.minimum > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('disasters.proposal.minimum', { quantity: quantity(l.minimum) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td miw={phone ? 120 : 200} maw={phone ? 160 : 280}>
                        {l.canSend ? (
                          <QuantityInput
                            aria-label={t('disasters.proposal.quantityLabel', { warehouse: l.warehouseName })}
                            min={0}
                            max={l.available}
                            size="sm"
                            value={rows[i]?.quantity ?? ''}
                            onChange={(v) => setRow(i, v)}
                            description={note ? <MinimumText note={note} unit={p.unit} /> : undefined}
                            inputWrapperOrder={['label', 'input', 'description', 'error']}
                            error={f.errors[`lines.${i}.quantity`] ?? f.errors[`lines.${i}.warehouseId`]}
                          />
                        ) : (
                          <Stack gap={2}>
                            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                              {quantity(l.quantity)}
                            </Text>
                            {note && <MinimumText note={note} unit={p.unit} />}
                            <Text size="xs" c="dimmed">
                              {t('disasters.proposal.centralSends')}
                            </Text>
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={phone ? 2 : 5}>
                    {t('disasters.proposal.total')}
                  </Table.Th>
                  <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {quantity(total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        {belowMinimum > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('disasters.proposal.belowMinimumAlert', { count: belowMinimum })}
          </Alert>
        )}
        {p.shortfall > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('disasters.proposal.shortfall', { quantity: quantity(p.shortfall) })}
          </Alert>
        )}
        {byCentral > 0 && (
          <Text size="sm" role="note">
            {t('disasters.proposal.othersByCentral', { quantity: quantity(byCentral) })}
          </Text>
        )}
        {over && (
          <Text size="sm" c="orange.9" role="status">
            {t('disasters.proposal.overOutstanding', { outstanding: quantity(p.outstanding) })}
          </Text>
        )}
        {f.errors.lines && (
          <Text size="sm" c="red.8" role="alert">
            {f.errors.lines}
          </Text>
        )}
        {sendable && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('disasters.proposal.vehicle')}
                maxLength={100}
                value={vehicle}
                onChange={(e) => {
                  setVehicle(e.currentTarget.value);
                  f.clear('vehicle');
                }}
                error={f.errors.vehicle}
              />
              <TextInput
                label={t('disasters.proposal.driver')}
                maxLength={limits.nameMax}
                value={driverName}
                onChange={(e) => {
                  setDriverName(e.currentTarget.value);
                  f.clear('driverName');
                }}
                error={f.errors.driverName}
              />
            </SimpleGrid>
            <TextInput
              label={t('disasters.proposal.note')}
              maxLength={1000}
              value={note}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                f.clear('note');
              }}
              error={f.errors.note}
            />
            <SaveError error={f.error} />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={f.busy}
                leftSection={<IconTruckDelivery size={16} aria-hidden />}
              >
                {t('disasters.proposal.accept')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The line's word on its warehouse's minimum level, for the quantity now in its field. */
function MinimumText({ note, unit }: { note: MinimumNote; unit: string }) {
  const { t } = useTranslation();
  const units = (n: number) => t('disasters.quantityUnit', { quantity: formatCount(n), unit });
  const warn = note.kind === 'short' || note.kind === 'dips';
  const text =
    note.kind === 'held'
      ? t('disasters.proposal.minimumHeld', {
          available: units(note.available),
          minimum: units(note.minimum),
        })
      : note.kind === 'short'
        ? t('disasters.proposal.minimumShort', { below: units(note.below), minimum: units(note.minimum) })
        : note.kind === 'dips'
          ? t('disasters.proposal.minimumDips', { left: units(note.left), minimum: units(note.minimum) })
          : t('disasters.proposal.minimumKeeps', { minimum: units(note.minimum) });
  return (
    <Text component="span" size="xs" c={warn ? 'orange.9' : 'dimmed'} fw={warn ? 600 : 400} display="block">
      {warn && (
        <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      )}
      {text}
    </Text>
  );
}

/** "12,4 km", else "satu provinsi" when only the province is known to match, else ''. */
const distanceText = (km: number | null, sameProvince: boolean, t: Translate): string => {
  if (km !== null) return t('disasters.proposal.distanceKm', { km: formatKm(km) });
  return sameProvince ? t('disasters.proposal.sameProvince') : '';
};

/** After approval: the waybills made, one per source warehouse, each a link to its page. */
function CreatedDispatches({ dispatches }: { dispatches: Dispatch[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} role="status">
        {t('disasters.proposal.accepted', { count: dispatches.length })}
      </Text>
      <Title order={3} size="h5">
        {t('disasters.proposal.created')}
      </Title>
      <List aria-label={t('disasters.proposal.createdLabel')} spacing={4} size="sm">
        {dispatches.map((d) => (
          <List.Item key={d.id}>
            <AnchorLink to="/surat-jalan/$id" params={{ id: d.id }} size="sm" fw={600} ff="monospace">
              {d.number}
            </AnchorLink>{' '}
            <Text component="span" size="sm">
              {d.fromWarehouseName} → {d.toWarehouseName}
              {' · '}
              {d.lines.map((l) => `${l.itemName} ${formatCount(l.quantitySent)} ${l.unit}`).join(', ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
