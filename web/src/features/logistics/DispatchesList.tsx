import { type DispatchStatus, dispatchStatuses } from '@atensi/domain';
import { Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppPagination } from '../../components/AppPagination';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/PageStates';
import { DiscrepancyBadge, DispatchStatusBadge } from '../disasters/DisasterParts';
import { AnchorLink } from '../persons/AnchorLink';
import { dispatchListQueryOptions, dispatchPageSize } from './api';
import { useDates } from './LogisticsParts';

type Direction = 'incoming' | 'outgoing';

/**
 * Surat jalan of one warehouse: what is on its way in (to be confirmed on arrival) and what
 * left it. Opens on the waybills still in transit to this warehouse, the officer's next job.
 */
export function DispatchesList({ warehouseId }: { warehouseId: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [direction, setDirection] = useState<Direction | ''>('incoming');
  const [status, setStatus] = useState<DispatchStatus | ''>('in_transit');
  const [page, setPage] = useState(1);
  const list = useQuery(
    dispatchListQueryOptions({
      warehouseId,
      direction: direction || undefined,
      status: status || undefined,
      page,
      pageSize: dispatchPageSize,
    }),
  );

  return (
    <Stack gap="sm">
      <search>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('logistics.dispatches.direction')}
            data={[
              { value: '', label: t('common.all') },
              { value: 'incoming', label: t('logistics.dispatches.incoming') },
              { value: 'outgoing', label: t('logistics.dispatches.outgoing') },
            ]}
            value={direction}
            onChange={(e) => {
              setDirection(e.currentTarget.value as Direction | '');
              setPage(1);
            }}
          />
          <NativeSelect
            label={t('logistics.dispatches.status')}
            data={[
              { value: '', label: t('common.all') },
              ...dispatchStatuses.map((s) => ({ value: s, label: t(`disasters.dispatchStatus.${s}`) })),
            ]}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as DispatchStatus | '');
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
      <QueryState query={list} rows={3}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">
                {direction || status
                  ? t('logistics.dispatches.emptyFiltered')
                  : t('logistics.dispatches.empty')}
              </Text>
            ) : (
              <ListTable
                label={t('logistics.dispatches.listLabel')}
                minWidth={640}
                busy={list.isFetching}
                stale={list.isPlaceholderData}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('logistics.dispatches.number')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.dispatches.counterpart')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.dispatches.disaster')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.dispatches.sentOn')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.dispatches.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((d) => {
                    const incoming = d.toWarehouseId === warehouseId;
                    return (
                      <Table.Tr key={d.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <AnchorLink to="/surat-jalan/$id" params={{ id: d.id }} size="sm" fw={600}>
                            {d.number}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          {incoming
                            ? t('logistics.dispatches.from', { name: d.fromWarehouseName })
                            : t('logistics.dispatches.to', { name: d.toWarehouseName })}
                        </Table.Td>
                        <Table.Td>{d.disasterName ?? t('common.none')}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dates.date(d.sentOn)}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <DispatchStatusBadge status={d.status} />
                            {d.hasDiscrepancy && <DiscrepancyBadge />}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </ListTable>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || dispatchPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
