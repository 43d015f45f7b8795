import {
  type DisasterListInput,
  type DisasterStatus,
  type DisasterType,
  disasterStatuses,
  disasterTypes,
} from '@atensi/domain';
import {
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { provincesQueryOptions } from '../../api/regions';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { useDateLabel } from '../outreach/OutreachParts';
import { AnchorLink } from '../persons/AnchorLink';
import { disasterListQueryOptions, disasterPageSize } from './api';
import { DisasterStatusBadge } from './DisasterParts';
import { formatCount } from './format';

/** Bencana: every recorded disaster (reference for every logistics role). Filters live in React state only. */
export function DisastersListPage() {
  return (
    <RequirePermission permission="logistics.disasters_read">
      <DisastersList />
    </RequirePermission>
  );
}

function DisastersList() {
  const { t } = useTranslation();
  const me = useMe();
  const dateLabel = useDateLabel();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DisasterStatus | ''>('');
  const [type, setType] = useState<DisasterType | ''>('');
  const [province, setProvince] = useState('');
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

  const input: DisasterListInput = {
    q: q || undefined,
    status: status || undefined,
    type: type || undefined,
    province: province || undefined,
    page,
    pageSize: disasterPageSize,
  };
  const list = useQuery(disasterListQueryOptions(input));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };
  const filtered = q !== '' || status !== '' || type !== '' || province !== '';
  const reset = () => {
    setTerm('');
    setQ('');
    setStatus('');
    setType('');
    setProvince('');
    setPage(1);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('disasters.listTitle')}
        actions={
          can(me, 'logistics.disasters_record') && (
            <ButtonLink to="/bencana/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('disasters.create')}
            </ButtonLink>
          )
        }
      />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('disasters.listIntro')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('disasters.searchLabel')}
                placeholder={t('disasters.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={100}
              />
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <NativeSelect
                  label={t('disasters.fields.status')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...disasterStatuses.map((s) => ({ value: s, label: t(`disasters.status.${s}`) })),
                  ]}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.currentTarget.value as DisasterStatus | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('disasters.fields.type')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...disasterTypes.map((d) => ({ value: d, label: t(`disasters.type.${d}`) })),
                  ]}
                  value={type}
                  onChange={(e) => {
                    setType(e.currentTarget.value as DisasterType | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('disasters.fields.province')}
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
              </SimpleGrid>
              <Group gap="xs">
                <Button type="submit" size="xs" leftSection={<IconSearch size={14} aria-hidden />}>
                  {t('common.search')}
                </Button>
                {list.isFetching && !list.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
                {filtered && (
                  <Button variant="subtle" size="xs" onClick={reset}>
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
              <Text c="dimmed">{filtered ? t('common.noResults') : t('disasters.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={860} type="native">
                <Table
                  highlightOnHover
                  verticalSpacing="xs"
                  aria-label={t('disasters.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('disasters.fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.fields.type')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.fields.status')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.fields.regions')}</Table.Th>
                      <Table.Th scope="col">{t('disasters.fields.startedOn')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('disasters.fields.affected')}
                      </Table.Th>
                      <Table.Th scope="col">{t('disasters.fields.center')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <AnchorLink to="/bencana/$id" params={{ id: d.id }} size="sm" fw={600}>
                            {d.name}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{t(`disasters.type.${d.type}`)}</Table.Td>
                        <Table.Td>
                          <DisasterStatusBadge status={d.status} />
                        </Table.Td>
                        <Table.Td>{d.regionNames.join(', ') || t('common.none')}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateLabel(d.startedOn)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {t('disasters.people', { people: formatCount(d.estimatedAffected) })}
                        </Table.Td>
                        <Table.Td>{d.responsibleCenterName ?? t('common.none')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || disasterPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
