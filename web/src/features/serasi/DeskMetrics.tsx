import {
  defaultMetricsPeriod,
  deskMetricsQuery,
  type DeskMetrics as Metrics,
  type TicketStatus,
  ticketStatuses,
  ticketTypes,
} from '@atensi/domain';
import { Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageStates';
import { issuesToFormErrors } from '../../lib/validation';
import { metricsQueryOptions } from './api';

type Period = { from: string; to: string };

function Stat({
  label,
  value,
  hint,
  alert,
}: {
  label: string;
  value: string;
  hint?: string;
  alert?: boolean;
}) {
  return (
    <Card withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700} c={alert ? 'red.9' : undefined} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/**
 * Open and overdue tickets, SLA compliance and the median first response, with counts by kind
 * and status, for a period of days (the last 30 by default). While the dates are wrong the
 * figures of the last valid period stay, and the wrong date says why.
 */
export function DeskMetrics() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>(() => defaultMetricsPeriod());
  const [shown, setShown] = useState<Period>(period);
  const parsed = deskMetricsQuery.safeParse(period);
  const errors = parsed.success ? {} : issuesToFormErrors(parsed.error.issues, period, t);
  const change = (patch: Partial<Period>) => {
    const next = { ...period, ...patch };
    setPeriod(next);
    if (next.from && next.to && deskMetricsQuery.safeParse(next).success) setShown(next);
  };
  const query = useQuery({ ...metricsQueryOptions(shown), placeholderData: keepPreviousData });
  return (
    <section aria-labelledby="serasi-metrics">
      <Group justify="space-between" align="flex-end" gap="sm" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="serasi-metrics">
            {t('serasi.metrics.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('serasi.metrics.periodHint')}
          </Text>
        </div>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t('serasi.metrics.from')}
            type="date"
            size="xs"
            required
            value={period.from}
            max={period.to || undefined}
            onChange={(e) => change({ from: e.currentTarget.value })}
            error={errors.from}
          />
          <TextInput
            label={t('serasi.metrics.to')}
            type="date"
            size="xs"
            required
            value={period.to}
            min={period.from || undefined}
            onChange={(e) => change({ to: e.currentTarget.value })}
            error={errors.to}
          />
        </Group>
      </Group>
      <QueryState query={query} rows={2}>
        {(m) => <MetricsView m={m} />}
      </QueryState>
    </section>
  );
}

function MetricsView({ m }: { m: Metrics }) {
  const { t } = useTranslation();
  const count = (type: string, status: TicketStatus) =>
    m.byTypeAndStatus.find((r) => r.type === type && r.status === status)?.count ?? 0;
  const rows = ticketTypes
    .map((type) => ({ type, counts: ticketStatuses.map((s) => count(type, s)) }))
    .filter((r) => r.counts.some((n) => n > 0));
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('serasi.metrics.open')} value={String(m.open)} />
        <Stat label={t('serasi.metrics.overdue')} value={String(m.overdue)} alert={m.overdue > 0} />
        <Stat
          label={t('serasi.metrics.compliance')}
          value={
            m.slaCompliancePercent === null
              ? t('common.none')
              : t('serasi.percent', { value: m.slaCompliancePercent })
          }
          hint={
            m.slaCompliancePercent === null ? t('serasi.metrics.none') : t('serasi.metrics.complianceHint')
          }
        />
        <Stat
          label={t('serasi.metrics.median')}
          value={
            m.medianFirstResponseHours === null
              ? t('common.none')
              : t('serasi.hours', { count: m.medianFirstResponseHours })
          }
          hint={m.medianFirstResponseHours === null ? t('serasi.metrics.none') : undefined}
        />
      </SimpleGrid>
      {rows.length > 0 && (
        <details open style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <summary style={{ cursor: 'pointer' }}>
            <Text component="span" size="sm" fw={600}>
              {t('serasi.metrics.breakdown')}
            </Text>
          </summary>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table aria-label={t('serasi.metrics.breakdownLabel')} verticalSpacing={4} mt="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('serasi.desk.fields.type')}</Table.Th>
                  {ticketStatuses.map((s) => (
                    <Table.Th scope="col" key={s} ta="right">
                      {t(`serasi.status.${s}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    {t('serasi.metrics.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.type}>
                    <Table.Th scope="row" fw={400}>
                      {t(`serasi.type.${r.type}`)}
                    </Table.Th>
                    {r.counts.map((n, i) => (
                      <Table.Td key={ticketStatuses[i]} ta="right">
                        {n}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {r.counts.reduce((a, b) => a + b, 0)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      )}
    </>
  );
}
