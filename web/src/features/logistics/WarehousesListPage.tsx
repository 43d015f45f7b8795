import { type Warehouse, type WarehouseKind, type WarehouseListInput, warehouseKinds } from '@atensi/domain';
import { Button, Card, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { provincesQueryOptions } from '../../api/regions';
import { AppPagination } from '../../components/AppPagination';
import { CenterSelect } from '../../components/CenterSelect';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenPage, QueryState } from '../../components/PageStates';
import { AnchorLink } from '../persons/AnchorLink';
import { warehouseListQueryOptions, warehousePageSize } from './api';
import { ExpiryBadge, InactiveBadge, LowStockBadge, WarehouseKindBadge } from './LogisticsParts';
import { WarehouseFormModal } from './WarehouseFormModal';

/** Gudang: the register of warehouses. Filters live in React state only (POST bodies). */
export function WarehousesListPage() {
  const me = useMe();
  return can(me, 'logistics.stock_read') || can(me, 'logistics.warehouses_manage') ? (
    <WarehousesList />
  ) : (
    <ForbiddenPage />
  );
}

function WarehousesList() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<WarehouseKind | ''>('');
  const [province, setProvince] = useState('');
  const [centerId, setCenterId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Warehouse | null>(null);
  const [debounced] = useDebouncedValue(term, 500);
  const provinces = useQuery(provincesQueryOptions);
  const manage = can(me, 'logistics.warehouses_manage');
  /** Central staff and the administrator choose among every centre. */
  const national = me.roles.some((r) => r.role === 'central' || r.role === 'admin');

  const search = (next: string) => {
    const clean = next.trim();
    if (clean !== q) {
      setQ(clean);
      setPage(1);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term starts a search
  useEffect(() => search(debounced), [debounced]);

  const input: WarehouseListInput = {
    q: q || undefined,
    kind: kind || undefined,
    province: province || undefined,
    centerId: centerId ?? undefined,
    page,
    pageSize: warehousePageSize,
  };
  const list = useQuery(warehouseListQueryOptions(input));
  const filtered = q !== '' || kind !== '' || province !== '' || centerId !== null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('logistics.warehouses.title')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('logistics.warehouses.create')}
            </Button>
          )
        }
      />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('logistics.warehouses.intro')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('logistics.warehouses.searchLabel')}
                placeholder={t('logistics.warehouses.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={100}
              />
              <SimpleGrid cols={{ base: 1, xs: 2, md: national ? 3 : 2 }} spacing="sm">
                <NativeSelect
                  label={t('logistics.warehouses.kind')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...warehouseKinds.map((k) => ({ value: k, label: t(`logistics.warehouseKind.${k}`) })),
                  ]}
                  value={kind}
                  onChange={(e) => {
                    setKind(e.currentTarget.value as WarehouseKind | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('region.province')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
                  ]}
                  value={province}
                  onChange={(e) => {
                    setProvince(e.currentTarget.value);
                    setPage(1);
                  }}
                />
                {national && (
                  <CenterSelect
                    label={t('logistics.fields.center')}
                    placeholder={t('common.all')}
                    value={centerId}
                    onChange={(id) => {
                      setCenterId(id);
                      setPage(1);
                    }}
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
              </SimpleGrid>
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
                      setKind('');
                      setProvince('');
                      setCenterId(null);
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

      <QueryState query={list} rows={4}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{filtered ? t('common.noResults') : t('logistics.warehouses.empty')}</Text>
            ) : (
              <SimpleGrid
                component="ul"
                cols={{ base: 1, md: 2 }}
                spacing="sm"
                m={0}
                p={0}
                style={{ listStyle: 'none', opacity: list.isPlaceholderData ? 0.6 : 1 }}
                aria-label={t('logistics.warehouses.listLabel')}
                aria-busy={list.isFetching || undefined}
              >
                {result.items.map((w) => (
                  <WarehouseCard key={w.id} value={w} onEdit={manage ? () => setEditing(w) : undefined} />
                ))}
              </SimpleGrid>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || warehousePageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
      {creating && (
        <WarehouseFormModal
          onClose={() => setCreating(false)}
          onSaved={(w) => {
            if (can(me, 'logistics.stock_read')) void navigate({ to: '/gudang/$id', params: { id: w.id } });
          }}
        />
      )}
      {editing && <WarehouseFormModal value={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** One warehouse: its name (the link to its stock), kind, centre, region and what needs attention. */
function WarehouseCard({ value: w, onEdit }: { value: Warehouse; onEdit?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const readable = can(me, 'logistics.stock_read');
  return (
    <Card component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          {readable ? (
            <AnchorLink to="/gudang/$id" params={{ id: w.id }} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {w.name}
            </AnchorLink>
          ) : (
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {w.name}
            </Text>
          )}
          <div style={{ flexShrink: 0 }}>
            <WarehouseKindBadge kind={w.kind} />
          </div>
        </Group>
        <Text size="sm" c="dimmed">
          {[w.centerName, w.regionName].filter(Boolean).join(' · ') || t('common.none')}
        </Text>
        {(w.lowStockCount > 0 || w.expiringLotCount > 0 || !w.active) && (
          <Group gap="xs" wrap="wrap">
            {!w.active && <InactiveBadge />}
            {w.lowStockCount > 0 && (
              <LowStockBadge label={t('logistics.warehouses.lowStockCount', { count: w.lowStockCount })} />
            )}
            {w.expiringLotCount > 0 && (
              <ExpiryBadge
                expiry="near_expiry"
                label={t('logistics.warehouses.expiringCount', { count: w.expiringLotCount })}
              />
            )}
          </Group>
        )}
        {onEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
              aria-label={t('logistics.warehouses.editLabel', { name: w.name })}
            >
              {t('common.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
