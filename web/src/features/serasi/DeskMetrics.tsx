import { type DeskMetrics as Metrics, type TicketStatus, ticketStatuses, ticketTypes } from '@atensi/domain';
import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageStates';
import { metricsQueryOptions } from './api';

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

/** Open and overdue tickets, SLA compliance and the median first response, with counts by kind and status. */
export function DeskMetrics() {
  const { t } = useTranslation();
  const query = useQuery(metricsQueryOptions());
  return (
    <section aria-labelledby="serasi-metrics">
      <Title order={2} size="h4" mb="xs" id="serasi-metrics">
        {t('serasi.metrics.title')}
      </Title>
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
