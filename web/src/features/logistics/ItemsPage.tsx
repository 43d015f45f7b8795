import { type Item, type ItemCategory, type ItemListInput, itemCategories } from '@atensi/domain';
import {
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { AppPagination } from '../../components/AppPagination';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { itemListQueryOptions, itemPageSize } from './api';
import { ItemFormModal } from './ItemFormModal';
import { InactiveBadge } from './LogisticsParts';

/** Barang: the catalogue of goods the warehouses hold. Filters live in React state only. */
export function ItemsPage() {
  return (
    <RequirePermission permission="logistics.catalog_read">
      <Items />
    </RequirePermission>
  );
}

function Items() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me, 'logistics.catalog_manage');
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<ItemCategory | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Item | null>(null);
  const [debounced] = useDebouncedValue(term, 500);

  const search = (next: string) => {
    const clean = next.trim();
    if (clean !== q) {
      setQ(clean);
      setPage(1);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term starts a search
  useEffect(() => search(debounced), [debounced]);

  const input: ItemListInput = {
    q: q || undefined,
    category: category || undefined,
    includeInactive: includeInactive || undefined,
    page,
    pageSize: itemPageSize,
  };
  const list = useQuery(itemListQueryOptions(input));
  const filtered = q !== '' || category !== '' || includeInactive;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('logistics.items.title')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('logistics.items.create')}
            </Button>
          )
        }
      />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('logistics.items.intro')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('logistics.items.searchLabel')}
                  placeholder={t('logistics.items.searchPlaceholder')}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={term}
                  onChange={(e) => setTerm(e.currentTarget.value)}
                  type="search"
                  autoComplete="off"
                  maxLength={100}
                />
                <NativeSelect
                  label={t('logistics.fields.category')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...itemCategories.map((c) => ({ value: c, label: t(`logistics.category.${c}`) })),
                  ]}
                  value={category}
                  onChange={(e) => {
                    setCategory(e.currentTarget.value as ItemCategory | '');
                    setPage(1);
                  }}
                />
              </SimpleGrid>
              <Switch
                label={t('logistics.items.includeInactive')}
                checked={includeInactive}
                onChange={(e) => {
                  setIncludeInactive(e.currentTarget.checked);
                  setPage(1);
                }}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" leftSection={<IconSearch size={14} aria-hidden />}>
                  {t('common.search')}
                </Button>
                {list.isFetching && !list.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
                {filtered && (
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => {
                      setTerm('');
                      setQ('');
                      setCategory('');
                      setIncludeInactive(false);
                      setPage(1);
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </search>
      </Card>

      <QueryState query={list} rows={5}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{filtered ? t('common.noResults') : t('logistics.items.empty')}</Text>
            ) : (
              <ListTable
                label={t('logistics.items.listLabel')}
                minWidth={640}
                busy={list.isFetching}
                stale={list.isPlaceholderData}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('logistics.items.code')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.items.name')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.fields.category')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.items.unit')}</Table.Th>
                    <Table.Th scope="col">{t('logistics.items.perishableShort')}</Table.Th>
                    {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.code}</Table.Td>
                      <Table.Th scope="row" fw={600}>
                        <Group gap="xs" wrap="wrap">
                          <span>{i.name}</span>
                          {!i.active && <InactiveBadge />}
                        </Group>
                      </Table.Th>
                      <Table.Td>{t(`logistics.category.${i.category}`)}</Table.Td>
                      <Table.Td>{i.unit}</Table.Td>
                      <Table.Td>{i.perishable ? t('common.yes') : t('common.no')}</Table.Td>
                      {manage && (
                        <Table.Td>
                          <Button
                            variant="default"
                            size="compact-sm"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            onClick={() => setEditing(i)}
                            aria-label={t('logistics.items.editLabel', { name: i.name })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || itemPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
      {creating && <ItemFormModal onClose={() => setCreating(false)} />}
      {editing && <ItemFormModal value={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
