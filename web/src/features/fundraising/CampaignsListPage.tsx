import {
  type CampaignListInput,
  type CampaignPlatform,
  type CampaignStatus,
  type CampaignSummary,
  campaignPlatforms,
  campaignStatuses,
} from '@atensi/domain';
import { Button, Card, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { AppPagination } from '../../components/AppPagination';
import { CenterSelect } from '../../components/CenterSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { AnchorLink } from '../persons/AnchorLink';
import { campaignListQueryOptions, campaignPageSize } from './api';
import { CampaignFormModal } from './CampaignForms';
import { CampaignProgress, CampaignStatusBadge } from './CampaignParts';

/** Penggalangan dana: the campaigns of the cases the user may see. Filters live in React state only. */
export function CampaignsListPage() {
  return (
    <RequirePermission permission="fundraising.list">
      <CampaignsList />
    </RequirePermission>
  );
}

function CampaignsList() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const [platform, setPlatform] = useState<CampaignPlatform | ''>('');
  const [centerId, setCenterId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(term, 500);
  /** Central staff choose among every centre; others see their own centres' campaigns anyway. */
  const national = me.roles.some((r) => r.role === 'central');

  const search = (next: string) => {
    const clean = next.trim();
    if (clean !== q) {
      setQ(clean);
      setPage(1);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced term starts a search
  useEffect(() => search(debounced), [debounced]);

  const input: CampaignListInput = {
    q: q || undefined,
    status: status || undefined,
    platform: platform || undefined,
    centerId: centerId ?? undefined,
    page,
    pageSize: campaignPageSize,
  };
  const list = useQuery(campaignListQueryOptions(input));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(term);
  };
  const filtered = q !== '' || status !== '' || platform !== '' || centerId !== null;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('fundraising.listTitle')}
        actions={
          can(me, 'fundraising.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('fundraising.create')}
            </Button>
          )
        }
      />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('fundraising.listIntro')}
      </Text>
      <Card withBorder p="sm">
        <search>
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('fundraising.searchLabel')}
                placeholder={t('fundraising.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                type="search"
                autoComplete="off"
                maxLength={100}
              />
              <SimpleGrid cols={{ base: 1, xs: 2, md: national ? 3 : 2 }} spacing="sm">
                <NativeSelect
                  label={t('fundraising.fields.status')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...campaignStatuses.map((s) => ({ value: s, label: t(`fundraising.status.${s}`) })),
                  ]}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.currentTarget.value as CampaignStatus | '');
                    setPage(1);
                  }}
                />
                <NativeSelect
                  label={t('fundraising.fields.platform')}
                  data={[
                    { value: '', label: t('common.all') },
                    ...campaignPlatforms.map((p) => ({ value: p, label: t(`fundraising.platform.${p}`) })),
                  ]}
                  value={platform}
                  onChange={(e) => {
                    setPlatform(e.currentTarget.value as CampaignPlatform | '');
                    setPage(1);
                  }}
                />
                {national && (
                  <CenterSelect
                    label={t('fundraising.fields.center')}
                    value={centerId}
                    onChange={(id) => {
                      setCenterId(id);
                      setPage(1);
                    }}
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
                      setStatus('');
                      setPlatform('');
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
              <Text c="dimmed">{filtered ? t('common.noResults') : t('fundraising.empty')}</Text>
            ) : (
              <SimpleGrid
                component="ul"
                cols={{ base: 1, md: 2 }}
                spacing="sm"
                m={0}
                p={0}
                style={{ listStyle: 'none', opacity: list.isPlaceholderData ? 0.6 : 1 }}
                aria-label={t('fundraising.listLabel')}
                aria-busy={list.isFetching || undefined}
              >
                {result.items.map((c) => (
                  <CampaignCard key={c.id} value={c} />
                ))}
              </SimpleGrid>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || campaignPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
      {creating && (
        <CampaignFormModal
          opened
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            void queryClient.invalidateQueries({ queryKey: ['fundraising'] });
            void navigate({ to: '/penggalangan-dana/$id', params: { id: c.id } });
          }}
        />
      )}
    </Stack>
  );
}

/** One campaign in a list: title (the link), status, progress, case and centre. */
export function CampaignCard({ value: c, showCase = true }: { value: CampaignSummary; showCase?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <AnchorLink to="/penggalangan-dana/$id" params={{ id: c.id }} fw={600}>
            {c.title}
          </AnchorLink>
          {/* A badge clips its text when the title pushes it: keep it whole. */}
          <div style={{ flexShrink: 0 }}>
            <CampaignStatusBadge status={c.status} />
          </div>
        </Group>
        <CampaignProgress raisedRupiah={c.raisedRupiah} targetRupiah={c.targetRupiah} size="md" />
        <Text size="xs" c="dimmed">
          {[
            c.platform === 'other' && c.platformName
              ? c.platformName
              : t(`fundraising.platform.${c.platform}`),
            t(`fundraising.purpose.${c.purpose}`),
            ...(showCase ? [t('fundraising.caseLink', { number: c.caseNumber }), c.centerName ?? ''] : []),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Card>
  );
}
