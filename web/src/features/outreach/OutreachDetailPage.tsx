import type { Outreach } from '@atensi/domain';
import { Anchor, Button, Card, Collapse, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { regionQueryOptions } from '../../api/regions';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { AnchorLink } from '../persons/AnchorLink';
import { runQueryOptions } from './api';
import { MoveModal } from './MoveModal';
import { Field, StayBadge, useDateLabel } from './OutreachParts';
import { StayHistory } from './StayHistory';

const route = getRouteApi('/app/penjangkauan/$id');

type Person = Outreach['people'][number];

/** One outreach run: where, who went, and the people found with where each stays now. */
export function OutreachDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(runQueryOptions(id));
  return (
    <RequirePermission permission="outreach.read">
      <Stack gap="md">
        <Anchor component={Link} to="/penjangkauan" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('outreach.run.back')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(run) => <RunDetail run={run} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function RunDetail({ run }: { run: Outreach }) {
  const { t } = useTranslation();
  const me = useMe();
  const dateLabel = useDateLabel();
  const [moving, setMoving] = useState<Person | null>(null);
  const headHere = me.roles.some((r) => r.role === 'center_head' && r.centerId === run.centerId);
  const national = me.roles.some((r) => r.role === 'central');

  return (
    <>
      <PageHeader title={t('outreach.run.title', { date: dateLabel(run.date) })} />
      <Card withBorder component="section" aria-labelledby="outreach-run-overview">
        <Title order={2} size="h4" mb="sm" id="outreach-run-overview">
          {t('outreach.run.overview')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Field label={t('outreach.run.date')}>{dateLabel(run.date)}</Field>
          <Field label={t('outreach.run.place')}>{run.place}</Field>
          <Field label={t('outreach.run.region')}>
            <RegionName code={run.regionCode} />
          </Field>
          <Field label={t('outreach.run.center')}>{run.centerName}</Field>
          <Field label={t('outreach.run.team')}>{run.team}</Field>
          <Field label={t('outreach.run.notes')}>{run.notes ?? t('common.none')}</Field>
        </SimpleGrid>
      </Card>

      <Card withBorder component="section" aria-labelledby="outreach-run-people">
        <Title order={2} size="h4" mb="xs" id="outreach-run-people">
          {t('outreach.run.people', { count: run.people.length })}
        </Title>
        {!headHere && !national && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('outreach.run.hiddenHint')}
          </Text>
        )}
        {run.people.length === 0 ? (
          <Text c="dimmed">{t('outreach.run.noPeople')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            aria-label={t('outreach.run.peopleLabel')}
            style={{ listStyle: 'none' }}
          >
            {run.people.map((p) => (
              <PersonCard
                key={p.caseId}
                person={p}
                canMove={can(me, 'outreach.record')}
                canOpenCase={can(me, 'case.read')}
                onMove={() => setMoving(p)}
              />
            ))}
          </Stack>
        )}
      </Card>
      {moving && <MoveModal centerId={run.centerId} person={moving} onClose={() => setMoving(null)} />}
    </>
  );
}

function PersonCard({
  person: p,
  canMove,
  canOpenCase,
  onMove,
}: {
  person: Person;
  canMove: boolean;
  canOpenCase: boolean;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const [open, setOpen] = useState(false);
  const historyId = useId();
  return (
    <Card component="li" withBorder p="sm" aria-label={p.fullName}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              {p.fullName}
            </Title>
            <Text size="sm">
              {t('outreach.run.caseNumber')}:{' '}
              {canOpenCase ? (
                <AnchorLink to="/kasus/$id" params={{ id: p.caseId }} size="sm" fw={600} ff="monospace">
                  {p.caseNumber}
                </AnchorLink>
              ) : (
                <Text component="span" size="sm" ff="monospace">
                  {p.caseNumber}
                </Text>
              )}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end" style={{ maxWidth: '100%' }}>
            <Text size="xs" c="dimmed">
              {t('outreach.run.stayNow')}
            </Text>
            <StayBadge stay={p.current} />
            {p.current && (
              <Text size="xs" c="dimmed">
                {t('outreach.run.since', { date: dateLabel(p.current.startedOn) })}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap="xs">
          {canMove && (
            <Button
              size="xs"
              leftSection={<IconArrowsExchange size={14} aria-hidden />}
              onClick={onMove}
              aria-label={t('outreach.run.moveLabel', { name: p.fullName })}
            >
              {t('outreach.run.move')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconHistory size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={historyId}
            aria-label={
              open
                ? t('outreach.run.hideHistoryLabel', { name: p.fullName })
                : t('outreach.run.historyLabel', { name: p.fullName })
            }
          >
            {open ? t('outreach.run.hideHistory') : t('outreach.run.history')}
          </Button>
        </Group>
        <Collapse expanded={open} id={historyId}>
          {open && <StayHistory caseId={p.caseId} />}
        </Collapse>
      </Stack>
    </Card>
  );
}

/** "Desa …, Kecamatan …, Kabupaten …, Provinsi …" from the code. */
function RegionName({ code }: { code: string }) {
  const region = useQuery(regionQueryOptions(code));
  if (!region.data) return <>{code}</>;
  return <>{[region.data.region, ...[...region.data.lineage].reverse()].map((r) => r.name).join(', ')}</>;
}
