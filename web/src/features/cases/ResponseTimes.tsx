import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { responseTimesQueryOptions } from './api';

/** Intake → first service per centre in the user's scope; aggregates only. */
export function ResponseTimes() {
  const { t } = useTranslation();
  const times = useQuery(responseTimesQueryOptions());
  const items = times.data?.items ?? [];
  if (items.length === 0) return null;
  const hours = (v: number | null) => (v === null ? '–' : t('cases.hours', { count: v }));
  return (
    <Card withBorder component="section" aria-labelledby="response-times-title">
      <Title order={2} size="h4" id="response-times-title">
        {t('cases.responseTimes.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('cases.responseTimes.hint')}
      </Text>
      <Table.ScrollContainer minWidth={480} tabIndex={0} aria-label={t('cases.responseTimes.title')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.fields.center')}</Table.Th>
              <Table.Th scope="col">{t('cases.responseTimes.median')}</Table.Th>
              <Table.Th scope="col">{t('cases.responseTimes.p90')}</Table.Th>
              <Table.Th scope="col">{t('cases.responseTimes.served')}</Table.Th>
              <Table.Th scope="col">{t('cases.responseTimes.waiting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.centerId}>
                <Table.Td>{r.centerName}</Table.Td>
                <Table.Td>{hours(r.medianHours)}</Table.Td>
                <Table.Td>{hours(r.p90Hours)}</Table.Td>
                <Table.Td>
                  {r.served} / {r.cases}
                </Table.Td>
                <Table.Td>{r.waiting}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
