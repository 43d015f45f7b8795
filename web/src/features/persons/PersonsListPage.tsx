import { type Sex, sexes } from '@atensi/domain';
import {
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { provincesQueryOptions } from '../../api/regions';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { personPageSize, personSearchQueryOptions } from './api';
import { birthLabel } from './personFormat';

/**
 * The list of persons. Search terms are names and NIKs, so every filter lives in React state
 * only: nothing goes into the address bar, history or browser storage.
 */
export function PersonsListPage() {
  return (
    <RequirePermission permission="person.search">
      <PersonsList />
    </RequirePermission>
  );
}

function PersonsList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [sex, setSex] = useState<Sex | ''>('');
  const [province, setProvince] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(term, 500);
  const provinces = useQuery(provincesQueryOptions);

  const search = (next: string) => {
    const clean = next.trim();
    if (clean !== q) {
      setQ(clean);
      setPage(1);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term starts a search
  useEffect(() => search(debounced), [debounced]);

  const list = useQuery(
    personSearchQueryOptions({
      q: q || undefined,
      sex: sex || undefined,
      regionCode: province ?? undefined,
      page,
      pageSize: personPageSize,
    }),
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };

  const filtered = q !== '' || sex !== '' || province !== null;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('persons.listTitle')}
        actions={
          can(me, 'person.create') && (
            <ButtonLink to="/penerima-manfaat/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('persons.add')}
            </ButtonLink>
          )
        }
      />
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('persons.searchLabel')}
                placeholder={t('persons.searchPlaceholder')}
                description={t('persons.searchHint')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={100}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NativeSelect
                  label={t('persons.filterSex')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...sexes.map((s) => ({ value: s, label: t(`persons.sex.${s}`) })),
                  ]}
                  value={sex}
                  onChange={(e) => {
                    setSex(e.currentTarget.value as Sex | '');
                    setPage(1);
                  }}
                />
                <Select
                  label={t('persons.filterProvince')}
                  placeholder={t('common.all')}
                  data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
                  value={province}
                  onChange={(v) => {
                    setProvince(v);
                    setPage(1);
                  }}
                  searchable
                  clearable
                  nothingFoundMessage={t('region.nothingFound')}
                />
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
                      setSex('');
                      setProvince(null);
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

      <QueryState query={list} rows={6}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640} type="native">
                <Table
                  striped
                  highlightOnHover
                  aria-label={t('persons.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  verticalSpacing="xs"
                  style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('persons.fields.fullName')}</Table.Th>
                      <Table.Th scope="col">{t('persons.fields.sex')}</Table.Th>
                      <Table.Th scope="col">{t('persons.fields.birthDate')}</Table.Th>
                      <Table.Th scope="col">{t('persons.fields.nik')}</Table.Th>
                      <Table.Th scope="col">{t('persons.fields.region')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Link to="/penerima-manfaat/$id" params={{ id: p.id }}>
                            {p.fullName}
                          </Link>
                        </Table.Td>
                        <Table.Td>{t(`persons.sex.${p.sex}`)}</Table.Td>
                        <Table.Td>{birthLabel(p, t, lang)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {p.nikMasked ?? t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p.regionName ?? p.regionCode}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || personPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
