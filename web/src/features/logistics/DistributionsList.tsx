import { type DistributionProgram, distributionPrograms } from '@atensi/domain';
import { Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppPagination } from '../../components/AppPagination';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/PageStates';
import { AnchorLink } from '../persons/AnchorLink';
import { distributionListQueryOptions, distributionPageSize } from './api';
import { useDates, useQuantity } from './LogisticsParts';

/**
 * Penyaluran of one warehouse: what went to how many recipients. Names are never listed here,
 * only on the distribution's own page.
 */
export function DistributionsList({ warehouseId }: { warehouseId: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  const [program, setProgram] = useState<DistributionProgram | ''>('');
  const [page, setPage] = useState(1);
  const list = useQuery(
    distributionListQueryOptions({
      warehouseId,
      program: program || undefined,
      page,
      pageSize: distributionPageSize,
    }),
  );

  return (
    <Stack gap="sm">
      <search>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('logistics.distribution.program')}
            data={[
              { value: '', label: t('common.all') },
              ...distributionPrograms.map((p) => ({ value: p, label: t(`logistics.program.${p}`) })),
            ]}
            value={program}
            onChange={(e) => {
              setProgram(e.currentTarget.value as DistributionProgram | '');
              setPage(1);
            }}
          />
          {list.isFetching && !list.isPending && (
            <Group>
              <Loader size="xs" aria-label={t('common.loading')} />
            </Group>
          )}
        </SimpleGrid>
      </search>
      <QueryState query={list} rows={4}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{program ? t('common.noResults') : t('logistics.distribution.empty')}</Text>
            ) : (
              <ListTable
                label={t('logistics.distribution.listLabel')}
                minWidth={640}
                busy={list.isFetching}
                stale={list.isPlaceholderData}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('logistics.distribution.distributedOn')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.distribution.program')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.fields.item')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('logistics.fields.quantity')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('logistics.distribution.recipientCount')}
                    </Table.Th>
                    <Table.Th scope="col">{t('logistics.distribution.place')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <AnchorLink
                          to="/penyaluran/$id"
                          params={{ id: d.id }}
                          size="sm"
                          fw={600}
                          aria-label={t('logistics.distribution.openLabel', {
                            item: d.itemName,
                            date: dates.date(d.distributedOn),
                          })}
                        >
                          {dates.date(d.distributedOn)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{t(`logistics.program.${d.program}`)}</Table.Td>
                      <Table.Td>{d.itemName}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {quantity(d.quantity, d.unit)}
                      </Table.Td>
                      <Table.Td ta="right">{quantity(d.recipientCount)}</Table.Td>
                      <Table.Td>{d.place ?? t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || distributionPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
