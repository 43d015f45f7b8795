import type { Shelter } from '@atensi/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingWarehouse, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { inactiveColor } from '../../app/theme';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { centerQueryOptions } from '../centers/api';
import { AnchorLink } from '../persons/AnchorLink';
import {
  type RunListInput,
  runListQueryOptions,
  runPageSize,
  shelterListQueryOptions,
  shelterPageSize,
} from './api';
import { CenterFilter, OccupancyBar, outreachCenters, useDateLabel } from './OutreachParts';
import { CloseShelterModal, OpenShelterModal } from './ShelterModals';

type Tab = 'runs' | 'shelters';

/**
 * Penjangkauan: the outreach runs of the user's centres (central staff: all), and the temporary
 * shelters (TPS) with who stays there now beside the balai's own beds.
 */
export function OutreachPage() {
  return (
    <RequirePermission permission="outreach.read">
      <Outreach />
    </RequirePermission>
  );
}

function Outreach() {
  const { t } = useTranslation();
  const me = useMe();
  const [tab, setTab] = useState<Tab>('runs');
  return (
    <Stack gap="md">
      <PageHeader
        title={t('outreach.title')}
        actions={
          can(me, 'outreach.record') && (
            <ButtonLink to="/penjangkauan/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('outreach.record')}
            </ButtonLink>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setTab(v === 'shelters' ? 'shelters' : 'runs')} keepMounted={false}>
        <Tabs.List aria-label={t('outreach.tabs.label')}>
          <Tabs.Tab value="runs">{t('outreach.tabs.runs')}</Tabs.Tab>
          <Tabs.Tab value="shelters">{t('outreach.tabs.shelters')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs" pt="md">
          <Runs />
        </Tabs.Panel>
        <Tabs.Panel value="shelters" pt="md">
          <Shelters />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Runs() {
  const { t } = useTranslation();
  const me = useMe();
  const dateLabel = useDateLabel();
  const [centerId, setCenterId] = useState('');
  const [term, setTerm] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(term.trim(), 400);
  const input: RunListInput = {
    centerId: centerId || undefined,
    q: q || undefined,
    // A half-typed date stays out of the query until it is a whole one.
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined,
    page,
    pageSize: runPageSize,
  };
  const list = useQuery(runListQueryOptions(input));
  const filtered = centerId !== '' || q !== '' || from !== '' || to !== '';
  const reset = () => {
    setCenterId('');
    setTerm('');
    setFrom('');
    setTo('');
    setPage(1);
  };
  const onPage = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack gap="md">
      <Card withBorder p="sm">
        <search>
          <Stack gap="sm">
            <TextInput
              label={t('outreach.filter.search')}
              placeholder={t('outreach.filter.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={term}
              onChange={(e) => onPage(setTerm)(e.currentTarget.value)}
              type="search"
              autoComplete="off"
              maxLength={100}
            />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              <CenterFilter me={me} value={centerId} onChange={onPage(setCenterId)} />
              <TextInput
                type="date"
                label={t('outreach.filter.from')}
                value={from}
                max={to || undefined}
                onChange={(e) => onPage(setFrom)(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('outreach.filter.to')}
                value={to}
                min={from || undefined}
                onChange={(e) => onPage(setTo)(e.currentTarget.value)}
              />
            </SimpleGrid>
            {(filtered || (list.isFetching && !list.isPending)) && (
              <Group gap="xs">
                {filtered && (
                  <Button variant="subtle" size="xs" onClick={reset}>
                    {t('common.reset')}
                  </Button>
                )}
                {list.isFetching && !list.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
              </Group>
            )}
          </Stack>
        </search>
      </Card>
      <QueryState query={list} rows={6}>
        {(result) => (
          <>
            {result.items.length === 0 ? (
              <Text c="dimmed">{filtered ? t('common.noResults') : t('outreach.runs.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720} type="native">
                <Table
                  highlightOnHover
                  aria-label={t('outreach.runs.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  verticalSpacing="xs"
                  style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('outreach.runs.date')}</Table.Th>
                      <Table.Th scope="col">{t('outreach.runs.place')}</Table.Th>
                      <Table.Th scope="col">{t('outreach.runs.team')}</Table.Th>
                      <Table.Th scope="col">{t('outreach.runs.center')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('outreach.runs.found')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateLabel(r.date)}</Table.Td>
                        <Table.Td>
                          <AnchorLink to="/penjangkauan/$id" params={{ id: r.id }} size="sm" fw={600}>
                            {r.place}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{r.team}</Table.Td>
                        <Table.Td>{r.centerName}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {t('outreach.runs.foundCount', { count: r.found })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={result.page}
              pageSize={result.pageSize || runPageSize}
              total={result.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Shelters() {
  const { t } = useTranslation();
  const me = useMe();
  const dateLabel = useDateLabel();
  const mine = outreachCenters(me);
  const [centerId, setCenterId] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [page, setPage] = useState(1);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<Shelter | null>(null);
  const list = useQuery(
    shelterListQueryOptions({
      centerId: centerId || undefined,
      includeClosed: includeClosed || undefined,
      page,
      pageSize: shelterPageSize,
    }),
  );
  const manage = can(me, 'outreach.manageShelters');
  // The beds of the chosen centre, else of every centre the user works at.
  const bedCenters = centerId ? [centerId] : mine.map((c) => c.id);

  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="outreach-beds">
        <Title order={2} size="h4" mb="sm" id="outreach-beds">
          {t('outreach.beds.title')}
        </Title>
        {bedCenters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('outreach.beds.noCenter')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {bedCenters.map((id) => (
              <BedCard key={id} centerId={id} />
            ))}
          </SimpleGrid>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="outreach-shelters">
        <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
          <Title order={2} size="h4" id="outreach-shelters">
            {t('outreach.shelters.title')}
          </Title>
          {manage && mine.length > 0 && (
            <Button
              leftSection={<IconBuildingWarehouse size={16} aria-hidden />}
              onClick={() => setOpening(true)}
            >
              {t('outreach.shelters.open')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('outreach.shelters.intro')}
        </Text>
        <Stack gap="sm" mb="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <CenterFilter
              me={me}
              value={centerId}
              onChange={(v) => {
                setCenterId(v);
                setPage(1);
              }}
            />
          </SimpleGrid>
          <Switch
            label={t('outreach.filter.showClosed')}
            checked={includeClosed}
            onChange={(e) => {
              setIncludeClosed(e.currentTarget.checked);
              setPage(1);
            }}
          />
        </Stack>
        <QueryState query={list} rows={4}>
          {(result) => (
            <>
              {result.items.length === 0 ? (
                <Text c="dimmed">{t('outreach.shelters.empty')}</Text>
              ) : (
                <SimpleGrid
                  component="ul"
                  cols={{ base: 1, sm: 2, lg: 3 }}
                  spacing="sm"
                  m={0}
                  p={0}
                  aria-label={t('outreach.shelters.listLabel')}
                  aria-busy={list.isFetching || undefined}
                  style={{ listStyle: 'none', opacity: list.isPlaceholderData ? 0.6 : 1 }}
                >
                  {result.items.map((s) => (
                    <Card key={s.id} component="li" withBorder p="sm">
                      <Stack gap="xs">
                        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                            {s.name}
                          </Text>
                          {s.closedOn && (
                            <Badge variant="filled" color={inactiveColor} tt="none">
                              {t('outreach.shelters.closedBadge')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {s.centerName}
                          {s.address ? ` · ${s.address}` : ''}
                        </Text>
                        <OccupancyBar
                          label={t('outreach.shelters.occupancyLabel', {
                            name: s.name,
                            occupied: s.occupied,
                            capacity: s.capacity,
                          })}
                          value={t('outreach.shelters.occupancyValue', {
                            occupied: s.occupied,
                            capacity: s.capacity,
                          })}
                          occupied={s.occupied}
                          capacity={s.capacity}
                        />
                        <Text size="xs" c="dimmed">
                          {t('outreach.shelters.openedOn')}: {dateLabel(s.openedOn)}
                          {s.closedOn
                            ? ` · ${t('outreach.shelters.closedOn')}: ${dateLabel(s.closedOn)}`
                            : ''}
                        </Text>
                        {manage && !s.closedOn && mine.some((c) => c.id === s.centerId) && (
                          <Group justify="flex-end">
                            {s.occupied === 0 ? (
                              <Button
                                variant="default"
                                size="xs"
                                aria-label={t('outreach.shelters.closeLabel', { name: s.name })}
                                onClick={() => setClosing(s)}
                              >
                                {t('outreach.shelters.close')}
                              </Button>
                            ) : (
                              <Text size="xs" c="dimmed">
                                {t('outreach.shelters.occupiedHint')}
                              </Text>
                            )}
                          </Group>
                        )}
                      </Stack>
                    </Card>
                  ))}
                </SimpleGrid>
              )}
              <AppPagination
                page={result.page}
                pageSize={result.pageSize || shelterPageSize}
                total={result.total}
                onChange={setPage}
              />
            </>
          )}
        </QueryState>
      </Card>
      {opening && <OpenShelterModal centers={mine} onClose={() => setOpening(false)} />}
      {closing && <CloseShelterModal shelter={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

/** One balai's beds: taken / capacity, red when full. */
function BedCard({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const center = useQuery(centerQueryOptions(centerId));
  return (
    <Card withBorder p="sm" component="article" aria-label={center.data?.name}>
      <QueryState query={center} rows={1}>
        {(c) => (
          <Stack gap="xs">
            <Text fw={700}>{c.name}</Text>
            <OccupancyBar
              label={t('outreach.beds.label', {
                name: c.name,
                occupied: c.occupiedBeds,
                capacity: c.bedCapacity,
              })}
              value={t('outreach.beds.value', { occupied: c.occupiedBeds, capacity: c.bedCapacity })}
              occupied={c.occupiedBeds}
              capacity={c.bedCapacity}
            />
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
