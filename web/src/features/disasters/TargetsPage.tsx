import {
  type DistributionProgram,
  distributionPrograms,
  type TargetReport,
  type TargetReportInput,
  type TargetRow,
  targetInput,
} from '@atensi/domain';
import {
  Button,
  Card,
  Loader,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor } from '../../app/theme';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { useDateLabel } from '../outreach/OutreachParts';
import { createTarget, downloadTargetReport, targetReportQueryOptions } from './api';
import { FormModal, ItemSelect, QuantityInput, useFormSubmit, WarehouseSelect } from './DisasterParts';
import { formatCount, formatPercent, numberValue } from './format';

/** Target penyaluran: handed out against target per warehouse, for a programme and a period. */
export function TargetsPage() {
  return (
    <RequirePermission permission="logistics.targets_read">
      <Targets />
    </RequirePermission>
  );
}

/** Periods newest first ("2026-S2" before "2026" before "2025-S1"). */
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

function Targets() {
  const { t } = useTranslation();
  const [program, setProgram] = useState<DistributionProgram>('sembako');
  /** '' until the person chooses: then the newest period with targets, else this year. */
  const [period, setPeriod] = useState('');
  const [adding, setAdding] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const asked = period || String(new Date().getFullYear());
  const input: TargetReportInput = { program, period: asked };
  const report = useQuery(targetReportQueryOptions(input));
  const known = [
    ...new Set((report.data?.periods ?? []).filter((p) => p.program === program).map((p) => p.period)),
  ].sort(newestFirst);

  const hasAsked = known.includes(asked);
  // The first answer says which periods have targets: show the newest when this year has none.
  const first = known[0];
  useEffect(() => {
    if (period === '' && first !== undefined && !hasAsked) setPeriod(first);
  }, [period, first, hasAsked]);

  const periods = hasAsked ? known : [asked, ...known].sort(newestFirst);

  const onDownload = async () => {
    setDownloading(true);
    try {
      await downloadTargetReport(input);
      notify({ color: 'green', message: t('disasters.targets.downloaded') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('disasters.targets.title')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              loading={downloading}
              disabled={!report.data || report.data.rows.length === 0}
              onClick={() => void onDownload()}
            >
              {t('disasters.targets.xlsx')}
            </Button>
            {report.data?.canManage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t('disasters.targets.add')}
              </Button>
            )}
          </>
        }
      />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('disasters.targets.intro')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('disasters.targets.program')}
              data={distributionPrograms.map((p) => ({ value: p, label: t(`disasters.program.${p}`) }))}
              value={program}
              onChange={(e) => {
                setProgram(e.currentTarget.value as DistributionProgram);
                setPeriod('');
              }}
            />
            <NativeSelect
              label={t('disasters.targets.period')}
              data={periods}
              value={asked}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              rightSection={
                report.isFetching && !report.isPending ? (
                  <Loader size="xs" aria-label={t('common.loading')} />
                ) : undefined
              }
            />
          </SimpleGrid>
        </search>
      </Card>

      <QueryState query={report} rows={5}>
        {(r) =>
          r.rows.length === 0 ? (
            <Text c="dimmed">{t('disasters.targets.empty')}</Text>
          ) : (
            <ReportTable report={r} busy={report.isFetching} stale={report.isPlaceholderData} />
          )
        }
      </QueryState>

      {adding && (
        <TargetFormModal
          program={program}
          period={asked}
          onClose={() => setAdding(false)}
          onSaved={(p, label) => {
            setProgram(p);
            setPeriod(label);
          }}
        />
      )}
    </Stack>
  );
}

function ReportTable({ report: r, busy, stale }: { report: TargetReport; busy: boolean; stale: boolean }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  /** Seven columns do not fit a phone: there the balai, item and period go under the warehouse. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const quantity = (n: number, unit: string) =>
    t('disasters.quantityUnit', { quantity: formatCount(n), unit });
  const right = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;
  return (
    <Table.ScrollContainer
      minWidth={phone ? 300 : 880}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('disasters.targets.tableLabel')}
    >
      <Table
        aria-label={t('disasters.targets.tableLabel')}
        aria-busy={busy || undefined}
        verticalSpacing="xs"
        striped
        style={{ opacity: stale ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('disasters.targets.warehouse')}</Table.Th>
            {phone ? (
              <Table.Th scope="col" {...right}>
                {t('disasters.targets.realisedOfTarget')}
              </Table.Th>
            ) : (
              <>
                <Table.Th scope="col">{t('disasters.targets.center')}</Table.Th>
                <Table.Th scope="col">{t('disasters.targets.item')}</Table.Th>
                <Table.Th scope="col" {...right}>
                  {t('disasters.targets.target')}
                </Table.Th>
                <Table.Th scope="col" {...right}>
                  {t('disasters.targets.realised')}
                </Table.Th>
              </>
            )}
            <Table.Th scope="col" {...right}>
              {t('disasters.targets.percent')}
            </Table.Th>
            {!phone && (
              <Table.Th scope="col" miw={140}>
                {t('disasters.targets.progressColumn')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.rows.map((row) => {
            const bar = (
              <PercentBar
                percent={row.percent}
                label={t('disasters.targets.progressLabel', {
                  warehouse: row.warehouseName,
                  item: row.itemName,
                })}
              />
            );
            return (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={600}>
                  {row.warehouseName}
                  {phone && (
                    <Text size="xs" fw={400}>
                      {[row.centerName, row.itemName].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" fw={400}>
                    {dateLabel(row.periodStart)} – {dateLabel(row.periodEnd)}
                  </Text>
                </Table.Th>
                {phone ? (
                  <Table.Td ta="right">
                    {formatCount(row.realised)} / {quantity(row.target, row.unit)}
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{row.centerName ?? t('common.none')}</Table.Td>
                    <Table.Td>{row.itemName}</Table.Td>
                    <Table.Td {...right}>{quantity(row.target, row.unit)}</Table.Td>
                    <Table.Td {...right}>{quantity(row.realised, row.unit)}</Table.Td>
                  </>
                )}
                <Table.Td {...right} fw={700}>
                  {formatPercent(row.percent)}
                  {phone && bar}
                </Table.Td>
                {!phone && <Table.Td>{bar}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={phone ? 1 : 3}>
              {t('disasters.targets.total')}
            </Table.Th>
            {phone ? (
              <Table.Td {...right} fw={700}>
                {formatCount(r.total.realised)} / {formatCount(r.total.target)}
              </Table.Td>
            ) : (
              <>
                <Table.Td {...right} fw={700}>
                  {formatCount(r.total.target)}
                </Table.Td>
                <Table.Td {...right} fw={700}>
                  {formatCount(r.total.realised)}
                </Table.Td>
              </>
            )}
            <Table.Td {...right} fw={700}>
              {formatPercent(r.total.percent)}
              {phone && (
                <PercentBar percent={r.total.percent} label={t('disasters.targets.totalProgressLabel')} />
              )}
            </Table.Td>
            {!phone && (
              <Table.Td>
                <PercentBar percent={r.total.percent} label={t('disasters.targets.totalProgressLabel')} />
              </Table.Td>
            )}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Realised against target as a bar; past 100% it stays full. */
function PercentBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <Progress.Root
      size="lg"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={formatPercent(percent)}
    >
      <Progress.Section value={value} color={percent >= 100 ? activeColor : 'blue.8'} withAria={false} />
    </Progress.Root>
  );
}

/** "Tambah target": so many units of an item to hand out from one warehouse in a labelled period. */
function TargetFormModal({
  program: initialProgram,
  period: initialPeriod,
  onClose,
  onSaved,
}: {
  program: DistributionProgram;
  period: string;
  onClose: () => void;
  onSaved: (program: DistributionProgram, period: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useFormSubmit();
  const [program, setProgram] = useState<DistributionProgram>(initialProgram);
  const [period, setPeriod] = useState(initialPeriod);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [targetQuantity, setTargetQuantity] = useState<number | string>('');

  const submit = () => {
    const raw = {
      program,
      period,
      periodStart,
      periodEnd,
      warehouseId: warehouseId ?? undefined,
      itemId: itemId ?? undefined,
      targetQuantity: numberValue(targetQuantity),
    };
    const extra: Record<string, string> = {};
    if (periodStart && periodEnd && periodEnd < periodStart) {
      extra.periodEnd = t('disasters.targets.endBeforeStart');
    }
    void f.submit(
      targetInput,
      raw,
      async (input) => {
        const saved: TargetRow = await createTarget(input);
        void queryClient.invalidateQueries({ queryKey: ['logistics', 'targets'] });
        notify({
          color: 'green',
          message: t('disasters.targets.saved', { warehouse: saved.warehouseName, item: saved.itemName }),
        });
        onSaved(input.program, input.period);
        onClose();
      },
      extra,
    );
  };

  return (
    <FormModal
      size="lg"
      title={t('disasters.targets.addTitle')}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
      formRef={f.formRef}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label={t('disasters.targets.program')}
          required
          data={distributionPrograms.map((p) => ({ value: p, label: t(`disasters.program.${p}`) }))}
          value={program}
          onChange={(e) => {
            setProgram(e.currentTarget.value as DistributionProgram);
            f.clear('program');
          }}
          error={f.errors.program}
        />
        <TextInput
          label={t('disasters.targets.period')}
          description={t('disasters.targets.periodHint')}
          required
          maxLength={10}
          value={period}
          onChange={(e) => {
            setPeriod(e.currentTarget.value);
            f.clear('period');
          }}
          error={f.errors.period}
        />
        <TextInput
          type="date"
          label={t('disasters.targets.periodStart')}
          required
          max={periodEnd || undefined}
          value={periodStart}
          onChange={(e) => {
            setPeriodStart(e.currentTarget.value);
            f.clear('periodStart');
            f.clear('periodEnd');
          }}
          error={f.errors.periodStart}
        />
        <TextInput
          type="date"
          label={t('disasters.targets.periodEnd')}
          required
          min={periodStart || undefined}
          value={periodEnd}
          onChange={(e) => {
            setPeriodEnd(e.currentTarget.value);
            f.clear('periodEnd');
          }}
          error={f.errors.periodEnd}
        />
      </SimpleGrid>
      <WarehouseSelect
        label={t('disasters.targets.warehouseField')}
        required
        value={warehouseId}
        onChange={(id) => {
          setWarehouseId(id);
          f.clear('warehouseId');
        }}
        error={f.errors.warehouseId}
      />
      <ItemSelect
        label={t('disasters.targets.itemField')}
        required
        value={itemId}
        onChange={(id, item) => {
          setItemId(id);
          setUnit(item?.unit ?? null);
          f.clear('itemId');
        }}
        error={f.errors.itemId}
      />
      <QuantityInput
        label={t('disasters.targets.targetQuantity')}
        description={unit ? t('disasters.needs.unitHint', { unit }) : undefined}
        required
        min={1}
        value={targetQuantity}
        onChange={(v) => {
          setTargetQuantity(v);
          f.clear('targetQuantity');
        }}
        error={f.errors.targetQuantity}
      />
    </FormModal>
  );
}
