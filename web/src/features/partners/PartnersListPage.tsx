import { clusters, partnerKinds } from '@atensi/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { inactiveColor } from '../../app/theme';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { CenterSelect } from '../../components/CenterSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { partnerPageSize, partnersQueryOptions } from './api';
import { accreditationExpired, ExpiredBadge, useAccreditationText } from './PartnerParts';
import { type PartnerSearch, parsePartnerSearch, partnerListInputOf } from './partnerSearch';

const route = getRouteApi('/app/lks');

export function PartnersListPage() {
  return (
    <RequirePermission permission="partner.read">
      <PartnersList />
    </RequirePermission>
  );
}

function PartnersList() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [term, setTerm] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(term, 350);
  const list = useQuery(partnersQueryOptions(partnerListInputOf(search, partnerPageSize)));
  const accreditationText = useAccreditationText();

  const setSearch = (patch: Partial<PartnerSearch>) =>
    void navigate({
      search: (prev) => parsePartnerSearch({ ...prev, page: undefined, ...patch }),
      replace: true,
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term drives the URL
  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) setSearch({ q: debounced });
  }, [debounced]);

  const filtered = !!(search.q || search.kind || search.center || search.service || search.inactive);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.listTitle')}
        actions={
          can(me, 'partner.manage') && (
            <ButtonLink to="/lks/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partners.add')}
            </ButtonLink>
          )
        }
      />
      <Card withBorder p="sm">
        <Stack gap="sm">
          <TextInput
            label={t('partners.searchLabel')}
            placeholder={t('partners.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={term}
            onChange={(e) => setTerm(e.currentTarget.value)}
            type="search"
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <Select
              label={t('partners.filterKind')}
              placeholder={t('common.all')}
              data={partnerKinds.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
              value={search.kind ?? null}
              onChange={(v) => setSearch({ kind: (v ?? undefined) as PartnerSearch['kind'] })}
              clearable
            />
            <Select
              label={t('partners.filterService')}
              placeholder={t('common.all')}
              data={clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) }))}
              value={search.service ?? null}
              onChange={(v) => setSearch({ service: (v ?? undefined) as PartnerSearch['service'] })}
              clearable
            />
            <CenterSelect
              label={t('partners.filterCenter')}
              placeholder={t('common.all')}
              value={search.center ?? null}
              onChange={(v) => setSearch({ center: v ?? undefined })}
            />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Switch
              label={t('partners.includeInactive')}
              checked={!!search.inactive}
              onChange={(e) => setSearch({ inactive: e.currentTarget.checked ? true : undefined })}
            />
            {filtered && (
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
            )}
          </Group>
        </Stack>
      </Card>

      <QueryState query={list} rows={6}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={900} type="native">
                <Table striped highlightOnHover aria-label={t('partners.listLabel')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" miw={180}>
                        {t('partners.fields.name')}
                      </Table.Th>
                      <Table.Th scope="col">{t('partners.fields.kind')}</Table.Th>
                      <Table.Th scope="col">{t('partners.fields.center')}</Table.Th>
                      <Table.Th scope="col">{t('partners.fields.region')}</Table.Th>
                      <Table.Th scope="col">{t('partners.fields.accreditation')}</Table.Th>
                      <Table.Th scope="col">{t('partners.fields.services')}</Table.Th>
                      <Table.Th scope="col">{t('partners.fields.capacity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Link to="/lks/$id" params={{ id: p.id }}>
                              {p.name}
                            </Link>
                            {!p.active && (
                              <Badge color={inactiveColor} variant="filled" size="xs" tt="none">
                                {t('partners.inactive')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>{t(`partners.kind.${p.kind}`)}</Table.Td>
                        <Table.Td>{p.centerName}</Table.Td>
                        <Table.Td>{p.regionName ?? p.regionCode}</Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <Text size="sm">{accreditationText(p)}</Text>
                            {accreditationExpired(p) && <ExpiredBadge />}
                          </Stack>
                        </Table.Td>
                        <Table.Td>{p.services.map((s) => t(`cluster.${s}`)).join(', ')}</Table.Td>
                        <Table.Td>
                          {p.capacity === null
                            ? t('common.none')
                            : t('partners.capacityValue', { count: p.capacity })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={page.page}
              pageSize={page.pageSize || partnerPageSize}
              total={page.total}
              onChange={(p) =>
                void navigate({ search: (prev) => parsePartnerSearch({ ...prev, page: p }), replace: false })
              }
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
