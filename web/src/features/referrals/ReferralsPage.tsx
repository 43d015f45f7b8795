import { formatDateTime, limits, type Me, referralStatuses, referralTargets } from '@atensi/domain';
import { Card, Group, Loader, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { AppPagination } from '../../components/AppPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from '../persons/AnchorLink';
import { type ReferralRow, referralListQueryOptions, referralPageSize } from './api';
import { ReferralStatusBadge } from './ReferralParts';
import { parseReferralSearch, type ReferralSearch } from './referralSearch';
import { TicketReferralCell } from './TicketReferralCell';

const route = getRouteApi('/app/rujukan');

type Direction = 'incoming' | 'outgoing';

/** LKS staff receive referrals; workers, heads, desks and central staff follow the ones cases and tickets sent. */
const directionsOf = (me: Pick<Me, 'roles'>): Direction[] => [
  ...(me.roles.some((r) => r.role === 'partner') ? (['incoming'] as const) : []),
  ...(me.roles.some((r) => ['social_worker', 'center_head', 'central', 'desk_officer'].includes(r.role))
    ? (['outgoing'] as const)
    : []),
];

export function ReferralsPage() {
  return (
    <RequirePermission permission="case.listReferrals">
      <Referrals />
    </RequirePermission>
  );
}

function Referrals() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const directions = directionsOf(me);
  const fallback: Direction = directions[0] ?? 'outgoing';
  const direction: Direction =
    search.direction && directions.includes(search.direction) ? search.direction : fallback;
  // Case and letter numbers stay in React state and the POST body, never in the URL.
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(term, 500);
  const list = useQuery(
    referralListQueryOptions({
      direction,
      status: search.status,
      target: search.target,
      q: q || undefined,
      page: search.page ?? 1,
      pageSize: referralPageSize,
    }),
  );

  const setSearch = (patch: Partial<ReferralSearch>) =>
    void navigate({
      search: (prev) => parseReferralSearch({ ...prev, page: undefined, ...patch }),
      replace: true,
    });

  const find = (next: string) => {
    const clean = next.trim();
    if (clean === q) return;
    setQ(clean);
    if (search.page) setSearch({});
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term starts a search
  useEffect(() => find(debounced), [debounced]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    find(term);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('referrals.title')} />
      {directions.length > 1 && (
        <Tabs
          value={direction}
          onChange={(v) => setSearch({ direction: v === 'incoming' ? 'incoming' : 'outgoing' })}
        >
          <Tabs.List>
            <Tabs.Tab value="incoming">{t('referrals.tabIncoming')}</Tabs.Tab>
            <Tabs.Tab value="outgoing">{t('referrals.tabOutgoing')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      {directions.length === 1 && (
        <Text fw={600}>
          {direction === 'incoming' ? t('referrals.tabIncoming') : t('referrals.tabOutgoing')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {direction === 'incoming' ? t('referrals.incomingHint') : t('referrals.outgoingHint')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <TextInput
              label={t('referrals.searchLabel')}
              placeholder={t('referrals.searchPlaceholder')}
              description={t('referrals.searchHint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                list.isFetching && !list.isPending ? (
                  <Loader size="xs" aria-label={t('common.loading')} />
                ) : undefined
              }
              value={term}
              onChange={(e) => setTerm(e.currentTarget.value)}
              type="search"
              autoComplete="off"
              maxLength={limits.searchMax}
              mb="sm"
            />
          </form>
        </search>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('referrals.filterStatus')}
            placeholder={t('common.all')}
            data={referralStatuses.map((s) => ({ value: s, label: t(`referrals.status.${s}`) }))}
            value={search.status ?? null}
            onChange={(v) => setSearch({ status: (v ?? undefined) as ReferralSearch['status'] })}
            clearable
          />
          {direction === 'outgoing' && (
            <Select
              label={t('referrals.filterTarget')}
              placeholder={t('common.all')}
              data={referralTargets.map((k) => ({ value: k, label: t(`referrals.target.${k}`) }))}
              value={search.target ?? null}
              onChange={(v) => setSearch({ target: (v ?? undefined) as ReferralSearch['target'] })}
              clearable
            />
          )}
        </SimpleGrid>
      </Card>
      <QueryState query={list} rows={6}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <ReferralTable items={page.items} direction={direction} />
            )}
            <AppPagination
              page={page.page}
              pageSize={page.pageSize || referralPageSize}
              total={page.total}
              onChange={(p) =>
                void navigate({ search: (prev) => parseReferralSearch({ ...prev, page: p }), replace: false })
              }
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function ReferralTable({ items, direction }: { items: ReferralRow[]; direction: Direction }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const when = (at: string | null) => (at ? formatDateTime(at, 'WIB', lang) : t('common.none'));
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table striped highlightOnHover aria-label={t('referrals.listLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referrals.fields.sentAt')}</Table.Th>
            <Table.Th scope="col">{t('referrals.fields.case')}</Table.Th>
            <Table.Th scope="col">{t('referrals.fields.person')}</Table.Th>
            <Table.Th scope="col">{t('referrals.fields.target')}</Table.Th>
            <Table.Th scope="col">{t('referrals.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('referrals.fields.answeredAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => {
            // LKS staff open the case only while the referral is open; the case side always.
            const linked = direction === 'outgoing' || r.caseOpen;
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{when(r.sentAt)}</Text>
                  {r.sentByName && (
                    <Text size="xs" c="dimmed">
                      {r.sentByName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.caseId === null ? (
                    <TicketReferralCell referral={r} direction={direction} />
                  ) : linked ? (
                    <AnchorLink to="/kasus/$id" params={{ id: r.caseId }} size="sm" ff="monospace">
                      {r.caseNumber}
                    </AnchorLink>
                  ) : (
                    <>
                      <Text size="sm" ff="monospace">
                        {r.caseNumber}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('referrals.caseNotOpen')}
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td>{r.personName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.targetName}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`referrals.target.${r.target}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ReferralStatusBadge status={r.status} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(r.answeredAt)}</Text>
                  {r.completedAt && (
                    <Text size="xs" c="dimmed">
                      {t('referrals.section.completedOn', { when: when(r.completedAt) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
