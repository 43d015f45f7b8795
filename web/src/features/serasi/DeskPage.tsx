import {
  formatDateTime,
  limits,
  type Me,
  type TicketListInput,
  type TicketStatus,
  type TicketSummary,
  type TicketType,
  ticketStatuses,
  ticketTypes,
  zoneOfRegion,
} from '@atensi/domain';
import {
  Anchor,
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
import { IconClockHour4, IconInbox, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { AppPagination } from '../../components/AppPagination';
import { CenterSelect } from '../../components/CenterSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from '../persons/AnchorLink';
import { ticketListQueryOptions, ticketPageSize } from './api';
import { DeskMetrics } from './DeskMetrics';
import { IncomingReferralModal } from './IncomingReferralModal';
import { EscalationBadge, OverdueBadge, TicketStatusBadge } from './SerasiParts';

/**
 * The SERASI desk queue of the centres the user works at (central staff: all). Search terms
 * (codes, words of the description, landmarks, places) stay in React state and travel in the
 * POST body, never in the URL.
 */
export function DeskPage() {
  return (
    <RequirePermission permission="serasi.list">
      <Desk />
    </RequirePermission>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Laporkan orang yang membutuhkan · ODGJ". */
export const typeLabel = (s: Pick<TicketSummary, 'type' | 'subject'>, t: Translate): string =>
  s.subject
    ? `${t(`serasi.type.${s.type}`)} · ${t(`serasi.subjectShort.${s.subject}`)}`
    : t(`serasi.type.${s.type}`);

/** The centres whose desk the user works (the roles that read the queue), by name. */
export const deskCenters = (me: Pick<Me, 'roles'>): { id: string; name: string }[] => {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if ((r.role === 'desk_officer' || r.role === 'center_head') && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/** Which due time has passed without the step it asks for. */
export const dueState = (s: TicketSummary, now = Date.now()) => {
  const open = s.status !== 'closed';
  return {
    firstLate: open && s.firstRespondedAt === null && Date.parse(s.firstResponseDueAt) < now,
    resolutionLate: open && Date.parse(s.resolutionDueAt) < now,
  };
};

function Desk() {
  const [incoming, setIncoming] = useState(false);
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [type, setType] = useState<TicketType | ''>('');
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const [centerId, setCenterId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // Central staff read every desk; officers of several centres choose among theirs.
  const national = me.roles.some((r) => r.role === 'central');
  const ownCenters = deskCenters(me);
  const centerFilter = national || ownCenters.length > 1;
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

  const input: TicketListInput = {
    q: q || undefined,
    type: type || undefined,
    status: status || undefined,
    overdue: overdue || undefined,
    escalated: escalated || undefined,
    centerId: centerId ?? undefined,
    page,
    pageSize: ticketPageSize,
  };
  const list = useQuery(ticketListQueryOptions(input));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };

  const filtered = q !== '' || type !== '' || status !== '' || overdue || escalated || centerId !== null;
  const reset = () => {
    setTerm('');
    setQ('');
    setType('');
    setStatus('');
    setOverdue(false);
    setEscalated(false);
    setCenterId(null);
    setPage(1);
  };
  const chooseCenter = (id: string | null) => {
    setCenterId(id);
    setPage(1);
  };

  const when = (s: TicketSummary, at: string) => formatDateTime(at, zoneOfRegion(s.regionCode), lang);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('serasi.desk.title')}
        actions={
          <Group gap="sm">
            {can(me, 'serasi.triage') && (
              <Button leftSection={<IconInbox size={16} aria-hidden />} onClick={() => setIncoming(true)}>
                {t('serasi.incoming.button')}
              </Button>
            )}
            {can(me, 'serasi.readSla') && (
              <Anchor component={Link} to="/serasi/sla" size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconClockHour4 size={16} aria-hidden />
                  {t('serasi.desk.slaLink')}
                </Group>
              </Anchor>
            )}
          </Group>
        }
      />
      <IncomingReferralModal opened={incoming} onClose={() => setIncoming(false)} />
      {can(me, 'serasi.metrics') && <DeskMetrics />}
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('serasi.desk.searchLabel')}
                placeholder={t('serasi.desk.searchPlaceholder')}
                description={t('serasi.desk.searchHint')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={limits.searchMax}
              />
              <SimpleGrid cols={{ base: 1, xs: 2, md: centerFilter ? 3 : 2 }} spacing="sm">
                <NativeSelect
                  label={t('serasi.desk.filterType')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...ticketTypes.map((v) => ({ value: v, label: t(`serasi.type.${v}`) })),
                  ]}
                  value={type}
                  onChange={(e) => {
                    setType(e.currentTarget.value as TicketType | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('serasi.desk.filterStatus')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...ticketStatuses.map((v) => ({ value: v, label: t(`serasi.status.${v}`) })),
                  ]}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.currentTarget.value as TicketStatus | '');
                    setPage(1);
                  }}
                />
                {national ? (
                  <CenterSelect
                    label={t('serasi.desk.filterCenter')}
                    placeholder={t('common.all')}
                    value={centerId}
                    onChange={chooseCenter}
                  />
                ) : (
                  centerFilter && (
                    <NativeSelect
                      label={t('serasi.desk.filterCenter')}
                      data={[
                        { value: '', label: t('common.all') },
                        ...ownCenters.map((c) => ({ value: c.id, label: c.name })),
                      ]}
                      value={centerId ?? ''}
                      onChange={(e) => chooseCenter(e.currentTarget.value || null)}
                    />
                  )
                )}
              </SimpleGrid>
              <Group gap="lg">
                <Switch
                  label={t('serasi.desk.filterOverdue')}
                  checked={overdue}
                  onChange={(e) => {
                    setOverdue(e.currentTarget.checked);
                    setPage(1);
                  }}
                />
                <Switch
                  label={t('serasi.desk.filterEscalated')}
                  checked={escalated}
                  onChange={(e) => {
                    setEscalated(e.currentTarget.checked);
                    setPage(1);
                  }}
                />
              </Group>
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
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={1040} type="native">
                <Table
                  highlightOnHover
                  aria-label={t('serasi.desk.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  verticalSpacing="xs"
                  style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('serasi.desk.fields.code')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.type')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.place')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.filedAt')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.firstResponseDue')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.resolutionDue')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.status')}</Table.Th>
                      <Table.Th scope="col">{t('serasi.desk.fields.center')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((s) => {
                      const due = dueState(s);
                      return (
                        <Table.Tr key={s.id} bg={s.overdue ? 'red.0' : undefined}>
                          <Table.Td>
                            <AnchorLink
                              to="/serasi/$id"
                              params={{ id: s.id }}
                              ff="monospace"
                              size="sm"
                              fw={600}
                              style={{ whiteSpace: 'nowrap' }}
                            >
                              {s.code}
                            </AnchorLink>
                          </Table.Td>
                          <Table.Td>{typeLabel(s, t)}</Table.Td>
                          <Table.Td>{s.place}</Table.Td>
                          <Table.Td>{when(s, s.filedAt)}</Table.Td>
                          <Table.Td>
                            {s.firstRespondedAt ? (
                              <Text size="sm">
                                {t('serasi.desk.responded')}: {when(s, s.firstRespondedAt)}
                              </Text>
                            ) : (
                              <Text
                                size="sm"
                                c={due.firstLate ? 'red.9' : undefined}
                                fw={due.firstLate ? 700 : 400}
                              >
                                {when(s, s.firstResponseDueAt)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text
                              size="sm"
                              c={due.resolutionLate ? 'red.9' : undefined}
                              fw={due.resolutionLate ? 700 : 400}
                            >
                              {when(s, s.resolutionDueAt)}
                            </Text>
                          </Table.Td>
                          <Table.Td miw={200}>
                            <Group gap={4}>
                              <TicketStatusBadge status={s.status} />
                              {s.overdue && <OverdueBadge />}
                              <EscalationBadge level={s.escalationLevel} />
                            </Group>
                          </Table.Td>
                          <Table.Td>{s.centerName ?? t('serasi.desk.unassigned')}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || ticketPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
