import type { Distribution } from '@atensi/domain';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { AnchorLink } from '../persons/AnchorLink';
import { distributionQueryOptions } from './api';
import { Field, useDates, useQuantity } from './LogisticsParts';

const route = getRouteApi('/app/penyaluran/$id');

/** One distribution with its recipients: the only page that shows their full names. */
export function DistributionDetailPage() {
  const { id } = route.useParams();
  const query = useQuery(distributionQueryOptions(id));
  return (
    <RequirePermission permission="logistics.stock_read">
      <Stack gap="md">
        <QueryState query={query} rows={6}>
          {(d) => <DistributionDetail value={d} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function DistributionDetail({ value: d }: { value: Distribution }) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  return (
    <>
      <AnchorLink to="/gudang/$id" params={{ id: d.warehouseId }} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('logistics.distribution.back', { name: d.warehouseName })}
        </Group>
      </AnchorLink>
      <PageHeader
        title={t('logistics.distribution.pageTitle', { item: d.itemName, date: dates.date(d.distributedOn) })}
      />
      <Card withBorder component="section" aria-label={t('logistics.distribution.summary')}>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Field label={t('logistics.fields.warehouse')}>{d.warehouseName}</Field>
          <Field label={t('logistics.distribution.program')}>{t(`logistics.program.${d.program}`)}</Field>
          <Field label={t('logistics.distribution.distributedOn')}>{dates.date(d.distributedOn)}</Field>
          <Field label={t('logistics.fields.item')}>{d.itemName}</Field>
          <Field label={t('logistics.fields.quantity')}>{quantity(d.quantity, d.unit)}</Field>
          <Field label={t('logistics.distribution.recipientCount')}>{quantity(d.recipientCount)}</Field>
          <Field label={t('logistics.distribution.place')}>{d.place ?? t('common.none')}</Field>
          <Field label={t('logistics.distribution.recordedBy')}>
            {d.by ?? t('common.none')} · {dates.dateTime(d.at)}
          </Field>
        </SimpleGrid>
        {d.note && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('logistics.fields.note')}: {d.note}
          </Text>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="distribution-recipients">
        <Title order={2} size="h4" mb="sm" id="distribution-recipients">
          {t('logistics.distribution.recipients')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('logistics.distribution.privacy')}
        </Text>
        <Table.ScrollContainer
          minWidth={520}
          type="native"
          tabIndex={0}
          role="region"
          aria-labelledby="distribution-recipients"
        >
          <Table striped verticalSpacing="xs" aria-labelledby="distribution-recipients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  {t('logistics.distribution.number')}
                </Table.Th>
                <Table.Th scope="col">{t('logistics.distribution.name')}</Table.Th>
                <Table.Th scope="col">{t('logistics.distribution.kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('logistics.distribution.householdSize')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('logistics.fields.quantity')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.recipients.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: recipients have no id and never reorder
                <Table.Tr key={i}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{t(`logistics.recipientKind.${r.kind}`)}</Table.Td>
                  <Table.Td ta="right">{r.householdSize ?? t('common.none')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {quantity(r.quantity, d.unit)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
