import {
  type CaseListInput,
  type CaseStage,
  type Cluster,
  caseStages,
  clusters,
  formatDate,
  type Urgency,
  urgencies,
} from '@atensi/domain';
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { AppPagination } from '../../components/AppPagination';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { caseListQueryOptions, casePageSize, exportCases } from './api';
import { PendingTransferBadge, responseLabel, StageBadge, UrgencyBadge } from './CaseBadges';
import { ResponseTimes } from './ResponseTimes';

/** Centres where the user is head: they may see the whole centre's caseload. */
export const headCenters = (me: ReturnType<typeof useMe>) => {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if (r.role === 'center_head' && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/** Badges clip their text when a table column shrinks; keep the column as wide as the badge. */
const noShrink = { minWidth: 'max-content' } as const;

type TransferFilter = NonNullable<CaseListInput['transfer']>;

/**
 * The caseload. Search terms (case numbers, names, NIKs) live in React state only: nothing
 * goes into the address bar, history or browser storage.
 */
export function CasesListPage() {
  return (
    <RequirePermission permission="case.list">
      <CasesList />
    </RequirePermission>
  );
}

function CasesList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const heads = headCenters(me);
  const [view, setView] = useState<'mine' | 'center'>('mine');
  const [centerId, setCenterId] = useState<string>(heads[0]?.id ?? '');
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<CaseStage | ''>('');
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [cluster, setCluster] = useState<Cluster | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [transfer, setTransfer] = useState<TransferFilter | ''>('');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
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

  /** Heads decide incoming transfers; workers and heads follow the ones they sent. */
  const transferOptions: TransferFilter[] = [
    ...(heads.length > 0 ? (['incoming'] as const) : []),
    ...(me.roles.some((r) => r.role === 'social_worker' || r.role === 'center_head')
      ? (['outgoing'] as const)
      : []),
  ];
  /** Incoming cases still belong to other centres: search all the head's centres, not one centre's caseload. */
  const incoming = transfer === 'incoming';
  const input: CaseListInput = {
    view: incoming ? 'center' : view,
    centerId: !incoming && view === 'center' && centerId ? centerId : undefined,
    transfer: transfer || undefined,
    q: q || undefined,
    stage: stage || undefined,
    urgency: urgency || undefined,
    cluster: cluster || undefined,
    overdue: overdue || undefined,
    page,
    pageSize: casePageSize,
  };
  const list = useQuery(caseListQueryOptions(input));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await exportCases({ ...input, page: 1 });
      notify({ color: 'green', message: t('cases.exported') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setExporting(false);
    }
  };

  const filtered = q !== '' || stage !== '' || urgency !== '' || cluster !== '' || overdue || transfer !== '';
  const reset = () => {
    setTerm('');
    setQ('');
    setStage('');
    setUrgency('');
    setCluster('');
    setOverdue(false);
    setTransfer('');
    setPage(1);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('cases.listTitle')}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            loading={exporting}
            onClick={() => void onExport()}
          >
            {t('cases.export')}
          </Button>
        }
      />
      <ResponseTimes />
      {heads.length > 0 && (
        <Tabs
          value={view}
          onChange={(v) => {
            setView(v === 'center' ? 'center' : 'mine');
            setPage(1);
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="mine">{t('cases.tabMine')}</Tabs.Tab>
            <Tabs.Tab value="center">{t('cases.tabCenter')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              {view === 'center' && heads.length > 1 && !incoming && (
                <NativeSelect
                  label={t('cases.fields.center')}
                  data={heads.map((c) => ({ value: c.id, label: c.name }))}
                  value={centerId}
                  onChange={(e) => {
                    setCenterId(e.currentTarget.value);
                    setPage(1);
                  }}
                />
              )}
              <TextInput
                label={t('cases.searchLabel')}
                placeholder={t('cases.searchPlaceholder')}
                description={t('cases.searchHint')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={100}
              />
              <SimpleGrid
                cols={{
                  base: 1,
                  xs: transferOptions.length > 0 ? 2 : 3,
                  md: transferOptions.length > 0 ? 4 : 3,
                }}
                spacing="sm"
              >
                <NativeSelect
                  label={t('cases.fields.stage')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...caseStages.map((s) => ({ value: s, label: t(`cases.stage.${s}`) })),
                  ]}
                  value={stage}
                  onChange={(e) => {
                    setStage(e.currentTarget.value as CaseStage | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('cases.fields.urgency')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...urgencies.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) })),
                  ]}
                  value={urgency}
                  onChange={(e) => {
                    setUrgency(e.currentTarget.value as Urgency | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('cases.fields.cluster')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) })),
                  ]}
                  value={cluster}
                  onChange={(e) => {
                    setCluster(e.currentTarget.value as Cluster | '');
                    setPage(1);
                  }}
                />
                {transferOptions.length > 0 && (
                  <NativeSelect
                    label={t('cases.transfer.filter')}
                    data={[
                      { value: '', label: t('common.all') },
                      ...transferOptions.map((o) => ({
                        value: o,
                        label: t(`cases.transfer.filterOption.${o}`),
                      })),
                    ]}
                    value={transfer}
                    onChange={(e) => {
                      setTransfer(e.currentTarget.value as TransferFilter | '');
                      setPage(1);
                    }}
                  />
                )}
              </SimpleGrid>
              <Checkbox
                label={t('cases.filterOverdue')}
                checked={overdue}
                onChange={(e) => {
                  setOverdue(e.currentTarget.checked);
                  setPage(1);
                }}
              />
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
              <Table.ScrollContainer minWidth={860} type="native">
                <Table
                  striped
                  highlightOnHover
                  aria-label={t('cases.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  verticalSpacing="xs"
                  style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('cases.fields.number')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.person')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.nik')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.stage')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.urgency')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.worker')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.openedAt')}</Table.Th>
                      <Table.Th scope="col">{t('cases.fields.responseHours')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Link to="/kasus/$id" params={{ id: c.id }}>
                            {c.number}
                          </Link>
                        </Table.Td>
                        <Table.Td>{c.personName}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {c.nikMasked ?? t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4} align="flex-start" style={noShrink}>
                            <StageBadge stage={c.stage} />
                            {c.transferToCenterId && <PendingTransferBadge />}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <div style={noShrink}>
                            <UrgencyBadge urgency={c.urgency} />
                          </div>
                        </Table.Td>
                        <Table.Td>{c.assignedWorkerName ?? t('common.none')}</Table.Td>
                        <Table.Td>{formatDate(c.openedAt, 'WIB', lang)}</Table.Td>
                        <Table.Td>{responseLabel(c.responseHours, t)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || casePageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
