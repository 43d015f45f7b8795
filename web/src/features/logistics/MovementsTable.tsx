import { type MovementKind, movementKinds, type StockLine } from '@atensi/domain';
import { Button, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppPagination } from '../../components/AppPagination';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/PageStates';
import { movementListQueryOptions, movementPageSize } from './api';
import { useDates, useQuantity } from './LogisticsParts';
import { signed } from './StockModals';

/** Mutasi: the warehouse's append-only ledger, newest first, filtered by kind and item. */
export function MovementsTable({ warehouseId, lines }: { warehouseId: string; lines: readonly StockLine[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const quantity = useQuantity();
  const [kind, setKind] = useState<MovementKind | ''>('');
  const [itemId, setItemId] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery(
    movementListQueryOptions(warehouseId, {
      kind: kind || undefined,
      itemId: itemId || undefined,
      page,
      pageSize: movementPageSize,
    }),
  );
  const unitOf = new Map(lines.map((l) => [l.itemId, l.unit]));
  const filtered = kind !== '' || itemId !== '';

  return (
    <Stack gap="sm">
      <search>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('logistics.movements.kind')}
            data={[
              { value: '', label: t('common.all') },
              ...movementKinds.map((k) => ({ value: k, label: t(`logistics.movementKind.${k}`) })),
            ]}
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as MovementKind | '');
              setPage(1);
            }}
          />
          <NativeSelect
            label={t('logistics.movements.item')}
            data={[
              { value: '', label: t('common.all') },
              ...lines.map((l) => ({ value: l.itemId, label: `${l.itemName} (${l.itemCode})` })),
            ]}
            value={itemId}
            onChange={(e) => {
              setItemId(e.currentTarget.value);
              setPage(1);
            }}
          />
        </SimpleGrid>
        {(filtered || (list.isFetching && !list.isPending)) && (
          <Group gap="xs" mt="xs">
            {filtered && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setKind('');
                  setItemId('');
                  setPage(1);
                }}
              >
                {t('common.reset')}
              </Button>
            )}
            {list.isFetching && !list.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
        )}
      </search>
      <QueryState query={list} rows={5}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{filtered ? t('common.noResults') : t('logistics.movements.empty')}</Text>
            ) : (
              <ListTable
                label={t('logistics.movements.tableLabel')}
                minWidth={760}
                busy={list.isFetching}
                stale={list.isPlaceholderData}
                hover={false}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('logistics.movements.date')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.movements.kind')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.fields.item')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.fields.lotNumber')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('logistics.fields.quantity')}
                    </Table.Th>
                    <Table.Th scope="col">{t('logistics.movements.reference')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.movements.by')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dates.date(m.occurredOn)}</Table.Td>
                      <Table.Td>{t(`logistics.movementKind.${m.kind}`)}</Table.Td>
                      <Table.Td>{m.itemName}</Table.Td>
                      <Table.Td>{m.lotNumber ?? t('common.none')}</Table.Td>
                      <Table.Td
                        ta="right"
                        fw={600}
                        c={m.quantity < 0 ? 'red.9' : undefined}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {signed(m.quantity, quantity, unitOf.get(m.itemId))}
                      </Table.Td>
                      <Table.Td>
                        {m.reference ?? t('common.none')}
                        {m.note && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                            {m.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {m.by ?? t('common.none')}
                        <Text size="xs" c="dimmed">
                          {dates.dateTime(m.at)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || movementPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
