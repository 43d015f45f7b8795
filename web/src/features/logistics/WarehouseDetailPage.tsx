import type { StockAdjustment, StockLine, StockLot, WarehouseStock } from '@atensi/domain';
import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconPackageExport,
  IconPackageImport,
  IconPencil,
  IconTruckDelivery,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { dispatchListQueryOptions, warehouseStockQueryOptions } from './api';
import { DispatchesList } from './DispatchesList';
import { DistributionModal } from './DistributionModal';
import { DistributionsList } from './DistributionsList';
import {
  ExpiryBadge,
  Field,
  InactiveBadge,
  LowStockBadge,
  useDates,
  useQuantity,
  WarehouseKindBadge,
} from './LogisticsParts';
import { MovementsTable } from './MovementsTable';
import { ReceiptModal } from './ReceiptModal';
import {
  AdjustmentModal,
  DecisionModal,
  IssueModal,
  lotLabel,
  MinimumModal,
  signed,
  WriteOffModal,
} from './StockModals';
import { TransferModal } from './TransferModal';
import { WarehouseFormModal } from './WarehouseFormModal';

const route = getRouteApi('/app/gudang/$id');

/** Gudang: the stock of one warehouse by item and lot, what needs attention, and its ledger. */
export function WarehouseDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(warehouseStockQueryOptions(id));
  return (
    <RequirePermission permission="logistics.stock_read">
      <Stack gap="md">
        <Anchor component={Link} to="/gudang" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('logistics.warehouses.back')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(stock) => <WarehouseDetail value={stock} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

type Dialog =
  | { kind: 'receipt' | 'issue' | 'distribution' | 'transfer' | 'edit' }
  | { kind: 'writeOff' | 'count'; line: StockLine; lot: StockLot }
  | { kind: 'minimum'; line: StockLine }
  | { kind: 'decide'; adjustment: StockAdjustment; approve: boolean };

type Tab = 'stock' | 'movements' | 'distributions' | 'dispatches' | 'pending';
const tabs: readonly Tab[] = ['stock', 'movements', 'distributions', 'dispatches', 'pending'];

function WarehouseDetail({ value: stock }: { value: WarehouseStock }) {
  const { t } = useTranslation();
  const w = stock.warehouse;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [tab, setTab] = useState<Tab>('stock');
  const close = () => setDialog(null);
  /** Stock moves only in an active warehouse. */
  const write = stock.can.write && w.active;
  const pending = stock.pendingAdjustments.filter((a) => a.status === 'pending');
  /** Waybills on their way here: the tab says how many wait for a receipt confirmation. */
  const arriving = useQuery(
    dispatchListQueryOptions({
      warehouseId: w.id,
      direction: 'incoming',
      status: 'in_transit',
      page: 1,
      pageSize: 1,
    }),
  ).data?.total;

  return (
    <>
      <PageHeader
        title={w.name}
        actions={
          <>
            {write && (
              <>
                <Button
                  leftSection={<IconPackageImport size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'receipt' })}
                >
                  {t('logistics.receipt.action')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconPackageExport size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'issue' })}
                >
                  {t('logistics.issue.action')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconUsersGroup size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'distribution' })}
                >
                  {t('logistics.distribution.action')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconTruckDelivery size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'transfer' })}
                >
                  {t('logistics.transfer.action')}
                </Button>
              </>
            )}
            {stock.can.manage && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'edit' })}
              >
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder component="section" aria-label={t('logistics.warehouses.about')}>
        <Group gap="xs" mb="sm" wrap="wrap">
          <WarehouseKindBadge kind={w.kind} />
          {!w.active && <InactiveBadge />}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Field label={t('logistics.fields.center')}>{w.centerName ?? t('common.none')}</Field>
          <Field label={t('logistics.fields.region')}>{w.regionName ?? w.regionCode}</Field>
          <Field label={t('logistics.fields.address')}>{w.address ?? t('common.none')}</Field>
        </SimpleGrid>
        {!w.active && stock.can.write && (
          <Text size="sm" mt="sm">
            {t('logistics.warehouses.inactiveHint')}
          </Text>
        )}
      </Card>

      <StockAlerts stock={stock} />

      <Tabs value={tab} onChange={(v) => setTab(tabs.find((x) => x === v) ?? 'stock')} keepMounted={false}>
        <Tabs.List aria-label={t('logistics.tabs.label')}>
          <Tabs.Tab value="stock">{t('logistics.tabs.stock')}</Tabs.Tab>
          <Tabs.Tab value="movements">{t('logistics.tabs.movements')}</Tabs.Tab>
          <Tabs.Tab value="distributions">{t('logistics.tabs.distributions')}</Tabs.Tab>
          <Tabs.Tab value="dispatches" fw={arriving ? 700 : undefined}>
            {arriving
              ? t('logistics.tabs.dispatchesCount', { count: arriving })
              : t('logistics.tabs.dispatches')}
          </Tabs.Tab>
          <Tabs.Tab value="pending" fw={pending.length > 0 ? 700 : undefined}>
            {pending.length > 0
              ? t('logistics.tabs.pendingCount', { count: pending.length })
              : t('logistics.tabs.pending')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stock" pt="md">
          <Stack gap="md">
            <StockTable
              stock={stock}
              write={write}
              onMinimum={(line) => setDialog({ kind: 'minimum', line })}
            />
            <LotsTable
              stock={stock}
              write={write}
              onCount={(line, lot) => setDialog({ kind: 'count', line, lot })}
              onWriteOff={(line, lot) => setDialog({ kind: 'writeOff', line, lot })}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="movements" pt="md">
          <MovementsTable warehouseId={w.id} lines={stock.lines} />
        </Tabs.Panel>
        <Tabs.Panel value="distributions" pt="md">
          <DistributionsList warehouseId={w.id} />
        </Tabs.Panel>
        <Tabs.Panel value="dispatches" pt="md">
          <DispatchesList warehouseId={w.id} />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <PendingAdjustments
            adjustments={pending}
            approve={stock.can.approve}
            onDecide={(adjustment, approve) => setDialog({ kind: 'decide', adjustment, approve })}
          />
        </Tabs.Panel>
      </Tabs>

      {dialog?.kind === 'receipt' && <ReceiptModal warehouseId={w.id} onClose={close} />}
      {dialog?.kind === 'issue' && <IssueModal warehouseId={w.id} lines={stock.lines} onClose={close} />}
      {dialog?.kind === 'distribution' && (
        <DistributionModal warehouseId={w.id} lines={stock.lines} onClose={close} />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferModal warehouseId={w.id} lines={stock.lines} onClose={close} />
      )}
      {dialog?.kind === 'edit' && <WarehouseFormModal value={w} onClose={close} />}
      {dialog?.kind === 'writeOff' && (
        <WriteOffModal warehouseId={w.id} line={dialog.line} lot={dialog.lot} onClose={close} />
      )}
      {dialog?.kind === 'count' && (
        <AdjustmentModal warehouseId={w.id} line={dialog.line} lot={dialog.lot} onClose={close} />
      )}
      {dialog?.kind === 'minimum' && <MinimumModal warehouseId={w.id} line={dialog.line} onClose={close} />}
      {dialog?.kind === 'decide' && (
        <DecisionModal
          warehouseId={w.id}
          adjustment={dialog.adjustment}
          approve={dialog.approve}
          onClose={close}
        />
      )}
    </>
  );
}

/** Perlu perhatian: items below their minimum, lots expired or expiring within 30 days. */
function StockAlerts({ stock }: { stock: WarehouseStock }) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  const low = stock.lines.filter((l) => l.low);
  const lots = stock.lines.flatMap((line) =>
    line.lots.filter((lot) => lot.expiry !== 'ok' && lot.quantity > 0).map((lot) => ({ line, lot })),
  );
  if (low.length === 0 && lots.length === 0) return null;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="stock-alerts"
      style={{ borderColor: 'var(--mantine-color-orange-9)', borderLeftWidth: 4 }}
    >
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconAlertTriangle size={20} color="var(--mantine-color-orange-9)" aria-hidden />
        <Title order={2} size="h4" id="stock-alerts">
          {t('logistics.alerts.title')}
        </Title>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {low.length > 0 && (
          <div>
            <Text size="sm" fw={700} mb={4} id="stock-alerts-low">
              {t('logistics.alerts.lowTitle', { count: low.length })}
            </Text>
            <List size="sm" spacing={4} aria-labelledby="stock-alerts-low">
              {low.map((l) => (
                <List.Item key={l.itemId}>
                  {t('logistics.alerts.low', {
                    name: l.itemName,
                    quantity: quantity(l.available, l.unit),
                    minimum: quantity(l.minimumQuantity, l.unit),
                  })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {lots.length > 0 && (
          <div>
            <Text size="sm" fw={700} mb={4} id="stock-alerts-expiry">
              {t('logistics.alerts.expiryTitle', { count: lots.length })}
            </Text>
            <List size="sm" spacing={4} aria-labelledby="stock-alerts-expiry">
              {lots.map(({ line, lot }) => (
                <List.Item key={lot.id}>
                  <Group gap={6} wrap="wrap">
                    <ExpiryBadge expiry={lot.expiry} />
                    <span>
                      {t('logistics.alerts.lot', {
                        name: lotLabel(line, lot, t),
                        date: lot.expiresOn ? dates.date(lot.expiresOn) : t('common.none'),
                        quantity: quantity(lot.quantity, line.unit),
                      })}
                    </span>
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </SimpleGrid>
    </Card>
  );
}

/** Stok gudang: one row per item, with what may leave today and its minimum level. */
function StockTable({
  stock,
  write,
  onMinimum,
}: {
  stock: WarehouseStock;
  write: boolean;
  onMinimum: (line: StockLine) => void;
}) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  return (
    <section aria-labelledby="stock-title">
      <Title order={2} size="h4" mb="xs" id="stock-title">
        {t('logistics.stock.title')}
      </Title>
      {stock.lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('logistics.stock.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={720}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('logistics.stock.tableLabel')}
        >
          <Table striped verticalSpacing="xs" aria-label={t('logistics.stock.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('logistics.fields.item')}</Table.Th>
                <Table.Th scope="col">{t('logistics.fields.category')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('logistics.stock.quantity')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('logistics.stock.available')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('logistics.stock.minimum')}
                </Table.Th>
                <Table.Th scope="col">{t('logistics.stock.status')}</Table.Th>
                {write && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stock.lines.map((l) => (
                <Table.Tr key={l.itemId}>
                  <Table.Th scope="row" fw={600}>
                    {l.itemName}
                    <Text size="xs" c="dimmed" fw={400}>
                      {l.itemCode}
                    </Text>
                  </Table.Th>
                  <Table.Td>{t(`logistics.category.${l.category}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {quantity(l.quantity, l.unit)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {quantity(l.available, l.unit)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {l.minimumQuantity > 0 ? quantity(l.minimumQuantity, l.unit) : t('common.none')}
                  </Table.Td>
                  <Table.Td>{l.low ? <LowStockBadge /> : t('logistics.stock.ok')}</Table.Td>
                  {write && (
                    <Table.Td>
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => onMinimum(l)}
                        aria-label={t('logistics.minimum.actionLabel', { name: l.itemName })}
                      >
                        {t('logistics.minimum.action')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

/** Lot: each lot with its number and expiry; expired ones wait for a write-off. */
function LotsTable({
  stock,
  write,
  onCount,
  onWriteOff,
}: {
  stock: WarehouseStock;
  write: boolean;
  onCount: (line: StockLine, lot: StockLot) => void;
  onWriteOff: (line: StockLine, lot: StockLot) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  const rows = stock.lines.flatMap((line) => line.lots.map((lot) => ({ line, lot })));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="lots-title">
      <Title order={2} size="h4" mb="xs" id="lots-title">
        {t('logistics.lots.title')}
      </Title>
      <Table.ScrollContainer
        minWidth={720}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('logistics.lots.tableLabel')}
      >
        <Table striped verticalSpacing="xs" aria-label={t('logistics.lots.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('logistics.fields.item')}</Table.Th>
              <Table.Th scope="col">{t('logistics.fields.lotNumber')}</Table.Th>
              <Table.Th scope="col">{t('logistics.fields.expiresOn')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('logistics.fields.quantity')}
              </Table.Th>
              <Table.Th scope="col">{t('logistics.lots.receivedAt')}</Table.Th>
              {write && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ line, lot }) => {
              const name = lotLabel(line, lot, t);
              return (
                <Table.Tr key={lot.id}>
                  <Table.Th scope="row" fw={600}>
                    {line.itemName}
                  </Table.Th>
                  <Table.Td>{lot.lotNumber ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {lot.expiresOn ? dates.date(lot.expiresOn) : t('logistics.lots.noExpiry')}
                      </span>
                      <ExpiryBadge expiry={lot.expiry} />
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {quantity(lot.quantity, line.unit)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dates.date(lot.receivedAt)}</Table.Td>
                  {write && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          variant="default"
                          size="compact-sm"
                          onClick={() => onCount(line, lot)}
                          aria-label={t('logistics.adjustment.actionLabel', { name })}
                        >
                          {t('logistics.adjustment.action')}
                        </Button>
                        {lot.expiry === 'expired' && lot.quantity > 0 && (
                          <Button
                            variant="filled"
                            color="red.9"
                            size="compact-sm"
                            onClick={() => onWriteOff(line, lot)}
                            aria-label={t('logistics.writeOff.actionLabel', { name })}
                          >
                            {t('logistics.writeOff.action')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

/** Penyesuaian menunggu: stock counts that differ from the books, waiting for the head. */
function PendingAdjustments({
  adjustments,
  approve,
  onDecide,
}: {
  adjustments: readonly StockAdjustment[];
  approve: boolean;
  onDecide: (a: StockAdjustment, approve: boolean) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  if (adjustments.length === 0) {
    return <Text c="dimmed">{t('logistics.pending.empty')}</Text>;
  }
  return (
    <Stack gap="xs">
      {!approve && (
        <Text size="sm" c="dimmed">
          {t('logistics.pending.headOnly')}
        </Text>
      )}
      <Table.ScrollContainer
        minWidth={760}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('logistics.pending.tableLabel')}
      >
        <Table striped verticalSpacing="xs" aria-label={t('logistics.pending.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('logistics.fields.item')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('logistics.adjustment.recorded')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('logistics.adjustment.counted')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('logistics.adjustment.difference')}
              </Table.Th>
              <Table.Th scope="col">{t('logistics.adjustment.reason')}</Table.Th>
              <Table.Th scope="col">{t('logistics.pending.requested')}</Table.Th>
              {approve && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {adjustments.map((a) => {
              const name = a.lotNumber
                ? t('logistics.lots.label', { item: a.itemName, lot: a.lotNumber })
                : a.itemName;
              return (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={600}>
                    {name}
                  </Table.Th>
                  <Table.Td ta="right">{quantity(a.recordedQuantity)}</Table.Td>
                  <Table.Td ta="right">{quantity(a.countedQuantity)}</Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {signed(a.countedQuantity - a.recordedQuantity, quantity)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</Table.Td>
                  <Table.Td>
                    {dates.date(a.countedOn)}
                    <Text size="xs" c="dimmed">
                      {a.requestedBy ?? t('common.none')}
                    </Text>
                  </Table.Td>
                  {approve && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          onClick={() => onDecide(a, true)}
                          aria-label={t('logistics.decision.approveLabel', { name })}
                        >
                          {t('logistics.decision.approve')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red.9"
                          onClick={() => onDecide(a, false)}
                          aria-label={t('logistics.decision.rejectLabel', { name })}
                        >
                          {t('logistics.decision.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
