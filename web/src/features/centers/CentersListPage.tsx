import { centerSorts, centerTypes, facilities } from '@atensi/domain';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { provincesQueryOptions } from '../../api/regions';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { centerPageSize, centersQueryOptions } from './api';
import { type CenterSearch, type CenterSort, parseCenterSearch } from './centerSearch';

const route = getRouteApi('/app/balai');

export function CentersListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [term, setTerm] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(term, 350);
  const provinces = useQuery(provincesQueryOptions);
  const list = useQuery(centersQueryOptions(search));

  const setSearch = (patch: Partial<CenterSearch>) =>
    void navigate({
      search: (prev) => parseCenterSearch({ ...prev, page: undefined, ...patch }),
      replace: true,
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term drives the URL
  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) setSearch({ q: debounced });
  }, [debounced]);

  const provinceOptions = (provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('center.listTitle')}
        actions={
          can(me, 'center.create') && (
            <ButtonLink to="/balai/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('center.add')}
            </ButtonLink>
          )
        }
      />
      <Card withBorder p="sm">
        <Stack gap="sm">
          <TextInput
            label={t('center.searchLabel')}
            placeholder={t('center.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={term}
            onChange={(e) => setTerm(e.currentTarget.value)}
            type="search"
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Select
              label={t('center.filterProvince')}
              placeholder={t('common.all')}
              data={provinceOptions}
              value={search.province ?? null}
              onChange={(v) => setSearch({ province: v ?? undefined })}
              searchable
              clearable
              nothingFoundMessage={t('region.nothingFound')}
            />
            <Select
              label={t('center.filterType')}
              placeholder={t('common.all')}
              data={centerTypes.map((c) => ({ value: c, label: t(`centerType.${c}`) }))}
              value={search.type ?? null}
              onChange={(v) => setSearch({ type: (v ?? undefined) as CenterSearch['type'] })}
              clearable
            />
            <Select
              label={t('center.filterFacility')}
              placeholder={t('common.all')}
              data={facilities.map((f) => ({ value: f, label: t(`facility.${f}`) }))}
              value={search.facility ?? null}
              onChange={(v) => setSearch({ facility: (v ?? undefined) as CenterSearch['facility'] })}
              clearable
            />
            <Select
              label={t('common.sortBy')}
              data={centerSorts.map((s) => ({ value: s, label: t(`center.sort.${s}`) }))}
              value={search.sort ?? 'name'}
              onChange={(v) => setSearch({ sort: (v ?? undefined) as CenterSort | undefined })}
              allowDeselect={false}
            />
            <Select
              label={t('common.order')}
              data={[
                { value: 'asc', label: t('common.asc') },
                { value: 'desc', label: t('common.desc') },
              ]}
              value={search.order ?? 'asc'}
              onChange={(v) => setSearch({ order: (v ?? undefined) as 'asc' | 'desc' | undefined })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {(search.q || search.province || search.type || search.facility) && (
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setTerm('');
                  void navigate({ search: {}, replace: true });
                }}
              >
                {t('common.reset')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      <QueryState query={list} rows={6}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760} type="native">
                <Table striped highlightOnHover aria-label={t('center.listLabel')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('center.fields.code')}</Table.Th>
                      <Table.Th scope="col">{t('center.fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('center.fields.type')}</Table.Th>
                      <Table.Th scope="col">{t('center.fields.province')}</Table.Th>
                      <Table.Th scope="col">{t('center.fields.occupancy')}</Table.Th>
                      <Table.Th scope="col">{t('center.fields.facilities')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {c.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Link to="/balai/$id" params={{ id: c.id }}>
                              {c.name}
                            </Link>
                            {c.archivedAt && (
                              <Badge color="gray" size="xs">
                                {t('center.archived')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>{t(`centerType.${c.type}`)}</Table.Td>
                        <Table.Td>{c.provinceName ?? c.provinceCode}</Table.Td>
                        <Table.Td>
                          {t('center.occupancyValue', { occupied: c.occupiedBeds, capacity: c.bedCapacity })}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {c.facilities.map((f) => (
                              <Badge key={f} variant="light" size="sm">
                                {t(`facility.${f}`)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={page.page}
              pageSize={page.pageSize || centerPageSize}
              total={page.total}
              onChange={(p) =>
                void navigate({ search: (prev) => parseCenterSearch({ ...prev, page: p }), replace: false })
              }
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
