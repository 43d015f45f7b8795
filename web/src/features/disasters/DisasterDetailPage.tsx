import {
  type Disaster,
  type DisasterNeed,
  type DisasterStatus,
  disasterStatuses,
  realisationPercent,
  updateDisasterInput,
} from '@atensi/domain';
import {
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconPlus, IconRoute, IconSwitchHorizontal } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionQueryOptions } from '../../api/regions';
import { activeColor } from '../../app/theme';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { useDateLabel } from '../outreach/OutreachParts';
import { AnchorLink } from '../persons/AnchorLink';
import { disasterQueryOptions, updateDisaster } from './api';
import {
  DisasterStatusBadge,
  DiscrepancyBadge,
  DispatchStatusBadge,
  Field,
  FormModal,
  QuantityInput,
  useFormSubmit,
} from './DisasterParts';
import { formatCount, formatPercent, numberValue } from './format';
import { NeedFormModal } from './NeedForm';
import { ProposalPanel } from './ProposalPanel';

const route = getRouteApi('/app/bencana/$id');

/** One disaster: where and how bad, what its post needs, and the shipments on their way or received. */
export function DisasterDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(disasterQueryOptions(id));
  return (
    <RequirePermission permission="logistics.disasters_read">
      <Stack gap="md">
        <Anchor component={Link} to="/bencana" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('disasters.back')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(d) => <DisasterDetail value={d} onReload={() => void query.refetch()} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

type Dialog = 'status' | 'need' | null;

function DisasterDetail({ value: d, onReload }: { value: Disaster; onReload: () => void }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [proposing, setProposing] = useState<string | null>(null);
  const panelId = useId();
  const manage = d.can.manage;
  const open = d.status !== 'closed';
  const onSaved = (updated: Disaster) => {
    queryClient.setQueryData(disasterQueryOptions(d.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['logistics', 'disasters', 'list'] });
  };
  const proposingNeed = d.needs.find((n) => n.id === proposing) ?? null;
  /** A six-column table does not fit a phone: there each need is a card. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;

  /** "Usulan pengiriman" while some of the need is not on its way yet. */
  const needAction = (n: DisasterNeed) =>
    n.quantity > n.dispatched ? (
      <Button
        size="xs"
        variant={proposing === n.id ? 'filled' : 'light'}
        leftSection={<IconRoute size={14} aria-hidden />}
        aria-label={t('disasters.needs.proposeLabel', { item: n.itemName })}
        aria-expanded={proposing === n.id}
        aria-controls={proposing === n.id ? panelId : undefined}
        onClick={() => setProposing(n.id)}
      >
        {t('disasters.needs.propose')}
      </Button>
    ) : (
      <Text size="xs" c="dimmed">
        {t('disasters.needs.fulfilled')}
      </Text>
    );

  return (
    <>
      <PageHeader
        title={d.name}
        actions={
          manage && (
            <Button
              variant="default"
              leftSection={<IconSwitchHorizontal size={16} aria-hidden />}
              onClick={() => setDialog('status')}
            >
              {t('disasters.detail.changeStatus')}
            </Button>
          )
        }
      />
      <Card withBorder component="section" aria-labelledby="disaster-overview">
        <Group gap="xs" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id="disaster-overview" mr="xs">
            {t('disasters.detail.overview')}
          </Title>
          <DisasterStatusBadge status={d.status} />
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Field label={t('disasters.fields.type')}>{t(`disasters.type.${d.type}`)}</Field>
          <Field label={t('disasters.fields.startedOn')}>{dateLabel(d.startedOn)}</Field>
          <Field label={t('disasters.fields.affected')}>
            {t('disasters.people', { people: formatCount(d.estimatedAffected) })}
          </Field>
          <Field label={t('disasters.fields.regions')}>{d.regionNames.join(', ') || t('common.none')}</Field>
          <Field label={t('disasters.fields.center')}>{d.responsibleCenterName ?? t('common.none')}</Field>
          <Field label={t('disasters.fields.siteName')}>{d.siteName}</Field>
          <Field label={t('disasters.fields.siteRegion')}>
            <RegionName code={d.siteRegionCode} />
          </Field>
          {d.siteLatitude !== null && d.siteLongitude !== null && (
            <Field label={t('disasters.fields.coordinates')}>
              {d.siteLatitude}, {d.siteLongitude}
            </Field>
          )}
        </SimpleGrid>
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.description ?? t('disasters.detail.noDescription')}
        </Text>
      </Card>

      <Card withBorder component="section" aria-labelledby="disaster-needs">
        <SectionHeader
          id="disaster-needs"
          title={t('disasters.needs.title')}
          action={
            manage &&
            open && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDialog('need')}
              >
                {t('disasters.needs.add')}
              </Button>
            )
          }
        />
        {!open && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('disasters.detail.closedHint')}
          </Text>
        )}
        {d.needs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('disasters.needs.empty')}
          </Text>
        ) : phone ? (
          <NeedCards needs={d.needs} action={manage && open ? needAction : null} />
        ) : (
          <Table.ScrollContainer minWidth={760} type="native">
            <Table aria-label={t('disasters.needs.label')} verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('disasters.needs.item')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('disasters.needs.needed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('disasters.needs.dispatched')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('disasters.needs.received')}
                  </Table.Th>
                  <Table.Th scope="col">{t('disasters.needs.progress')}</Table.Th>
                  {manage && open && <Table.Th scope="col">{t('disasters.needs.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.needs.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Th scope="row" fw={600}>
                      {n.itemName}
                      {n.note && (
                        <Text size="xs" c="dimmed" fw={400}>
                          {n.note}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('disasters.quantityUnit', { quantity: formatCount(n.quantity), unit: n.unit })}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCount(n.dispatched)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCount(n.received)}
                    </Table.Td>
                    <Table.Td miw={140}>
                      <NeedProgress need={n} />
                    </Table.Td>
                    {manage && open && <Table.Td>{needAction(n)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {manage && open && proposingNeed && (
        <div id={panelId}>
          <ProposalPanel
            key={proposingNeed.id}
            disaster={d}
            need={proposingNeed}
            onClose={() => setProposing(null)}
          />
        </div>
      )}

      <DispatchesSection value={d} />

      {manage && dialog === 'status' && (
        <StatusModal value={d} onClose={() => setDialog(null)} onSaved={onSaved} onReload={onReload} />
      )}
      {manage && dialog === 'need' && (
        <NeedFormModal disaster={d} onClose={() => setDialog(null)} onSaved={onSaved} onReload={onReload} />
      )}
    </>
  );
}

function NeedCards({
  needs,
  action,
}: {
  needs: DisasterNeed[];
  action: ((n: DisasterNeed) => ReactNode) | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('disasters.needs.label')}
    >
      {needs.map((n) => (
        <Card component="li" key={n.id} withBorder p="xs" aria-label={n.itemName}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text size="sm" fw={700}>
                {n.itemName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('disasters.quantityUnit', { quantity: formatCount(n.quantity), unit: n.unit })}
              </Text>
            </Group>
            {n.note && (
              <Text size="xs" c="dimmed">
                {n.note}
              </Text>
            )}
            <Text size="xs">
              {t('disasters.needs.dispatched')}: {formatCount(n.dispatched)} · {t('disasters.needs.received')}
              : {formatCount(n.received)}
            </Text>
            <NeedProgress need={n} />
            {action && <Group>{action(n)}</Group>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function SectionHeader({ id, title, action }: { id: string; title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {action}
    </Group>
  );
}

/** Received (green) and on its way (blue) against the need; the bar's text says the same in words. */
function NeedProgress({ need: n }: { need: DisasterNeed }) {
  const { t } = useTranslation();
  const transit = Math.max(0, n.dispatched - n.received);
  const share = (x: number) => (n.quantity > 0 ? Math.min(100, (x / n.quantity) * 100) : 0);
  const received = share(n.received);
  const text = t('disasters.needs.progressValue', {
    received: formatCount(n.received),
    quantity: formatCount(n.quantity),
    transit: formatCount(transit),
  });
  return (
    <Stack gap={2}>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('disasters.needs.progressLabel', { item: n.itemName })}
        aria-valuemin={0}
        aria-valuemax={n.quantity}
        aria-valuenow={Math.min(n.received, n.quantity)}
        aria-valuetext={text}
      >
        <Progress.Section value={received} color={activeColor} withAria={false} />
        <Progress.Section value={Math.min(100 - received, share(transit))} color="blue.8" withAria={false} />
      </Progress.Root>
      <Text size="xs">{formatPercent(realisationPercent(n.received, n.quantity))}</Text>
    </Stack>
  );
}

function DispatchesSection({ value: d }: { value: Disaster }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Card withBorder component="section" aria-labelledby="disaster-dispatches">
      <SectionHeader id="disaster-dispatches" title={t('disasters.dispatches.title')} />
      {d.dispatches.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disasters.dispatches.empty')}
        </Text>
      ) : phone ? (
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('disasters.dispatches.label')}
        >
          {d.dispatches.map((s) => (
            <Card component="li" key={s.id} withBorder p="xs">
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <AnchorLink to="/surat-jalan/$id" params={{ id: s.id }} size="sm" fw={600} ff="monospace">
                    {s.number}
                  </AnchorLink>
                  <Group gap={4} wrap="wrap">
                    <DispatchStatusBadge status={s.status} />
                    {s.hasDiscrepancy && <DiscrepancyBadge />}
                  </Group>
                </Group>
                <Text size="sm">
                  {s.fromWarehouseName} → {s.toWarehouseName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('disasters.dispatches.sentOn')}: {dateLabel(s.sentOn)}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table aria-label={t('disasters.dispatches.label')} verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('disasters.dispatches.number')}</Table.Th>
                <Table.Th scope="col">{t('disasters.dispatches.from')}</Table.Th>
                <Table.Th scope="col">{t('disasters.dispatches.to')}</Table.Th>
                <Table.Th scope="col">{t('disasters.dispatches.sentOn')}</Table.Th>
                <Table.Th scope="col">{t('disasters.dispatches.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.dispatches.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <AnchorLink to="/surat-jalan/$id" params={{ id: s.id }} size="sm" fw={600} ff="monospace">
                      {s.number}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{s.fromWarehouseName}</Table.Td>
                  <Table.Td>{s.toWarehouseName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateLabel(s.sentOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <DispatchStatusBadge status={s.status} />
                      {s.hasDiscrepancy && <DiscrepancyBadge />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Emergency → recovery → closed (and the estimate of people affected, which changes as reports come in). */
function StatusModal({
  value: d,
  onClose,
  onSaved,
  onReload,
}: {
  value: Disaster;
  onClose: () => void;
  onSaved: (d: Disaster) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormSubmit();
  const [status, setStatus] = useState<DisasterStatus>(d.status);
  const [estimatedAffected, setEstimatedAffected] = useState<number | string>(d.estimatedAffected);
  const [description, setDescription] = useState(d.description ?? '');

  const submit = () => {
    const raw = {
      status,
      estimatedAffected: numberValue(estimatedAffected),
      description: description.trim() || null,
      version: d.version,
    };
    void f.submit(updateDisasterInput, raw, async (input) => {
      onSaved(await updateDisaster(d.id, input));
      notify({ color: 'green', message: t('disasters.detail.statusSaved') });
      onClose();
    });
  };

  return (
    <FormModal
      title={t('disasters.detail.statusTitle')}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      formRef={f.formRef}
    >
      <Radio.Group
        label={t('disasters.fields.status')}
        required
        value={status}
        onChange={(v) => {
          setStatus(v as DisasterStatus);
          f.clear('status');
        }}
        error={f.errors.status}
      >
        <Stack gap="xs" mt={6}>
          {disasterStatuses.map((s) => (
            <Radio key={s} value={s} label={t(`disasters.status.${s}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <QuantityInput
        label={t('disasters.fields.estimatedAffected')}
        required
        min={0}
        value={estimatedAffected}
        onChange={(v) => {
          setEstimatedAffected(v);
          f.clear('estimatedAffected');
        }}
        error={f.errors.estimatedAffected}
      />
      <Textarea
        label={t('disasters.fields.description')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={2000}
        value={description}
        onChange={(e) => {
          setDescription(e.currentTarget.value);
          f.clear('description');
        }}
        error={f.errors.description}
      />
    </FormModal>
  );
}

/** "Kecamatan …, Kabupaten …, Provinsi …" from the code. */
function RegionName({ code }: { code: string }) {
  const region = useQuery(regionQueryOptions(code));
  if (!region.data) return <>{code}</>;
  return <>{[region.data.region, ...[...region.data.lineage].reverse()].map((r) => r.name).join(', ')}</>;
}
