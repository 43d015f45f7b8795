import { formatDateTime, normaliseTicketCode, type TrackedTicket } from '@atensi/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconMapQuestion, IconMessage, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { LoadingState } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { trackQueryOptions } from './api';
import { eventText } from './eventText';
import { PublicError, PublicLayout } from './PublicLayout';
import { Field, TicketStatusBadge } from './SerasiParts';
import { browserZone } from './zone';

function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normaliseTicketCode(code);
    if (clean.length < 5) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    void navigate({ to: '/lacak/$code', params: { code: clean } });
  };
  return (
    <search>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('serasi.track.codeLabel')}
            description={t('serasi.track.codeHint')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={30}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={error}
            style={{ flex: '1 1 220px' }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
            {t('serasi.track.submit')}
          </Button>
        </Group>
      </form>
    </search>
  );
}

/** `/lacak`: enter the tracking code. */
export function TrackPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('serasi.track.title')}
          </Title>
          <Text size="sm" mt={4}>
            {t('serasi.track.intro')}
          </Text>
        </div>
        <CodeForm />
      </Stack>
    </PublicLayout>
  );
}

const route = getRouteApi('/lacak/$code');

/** `/lacak/<code>`: status and the officers' public answers; never the description or the people. */
export function TrackResultPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const query = useQuery(trackQueryOptions(code));
  const notFound = isApiError(query.error) && query.error.status === 404;
  return (
    <PublicLayout>
      <Stack gap="md">
        {query.isPending ? (
          <LoadingState rows={4} />
        ) : notFound ? (
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('serasi.track.notFoundTitle')}
            </Title>
            <Alert color="orange" icon={<IconMapQuestion aria-hidden />}>
              <Stack gap={4}>
                <Text size="sm" ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {code}
                </Text>
                <Text size="sm">{t('serasi.track.notFoundBody')}</Text>
              </Stack>
            </Alert>
            <CodeForm key={code} initial={code} />
          </Stack>
        ) : query.error || !query.data ? (
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('serasi.track.title')}
            </Title>
            <PublicError error={query.error} onRetry={() => void query.refetch()} />
          </Stack>
        ) : (
          <TrackedView ticket={query.data} />
        )}
      </Stack>
    </PublicLayout>
  );
}

function TrackedView({ ticket }: { ticket: TrackedTicket }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // In the reporter's own zone (the answer names the regency only); the zone is always written.
  const zone = browserZone();
  const when = (at: string) => formatDateTime(at, zone, lang);
  return (
    <>
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {t('serasi.track.resultTitle', { code: ticket.code })}
      </Title>
      <Card withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
          <Field label={t('serasi.track.status')}>
            <TicketStatusBadge status={ticket.status} size="lg" />
          </Field>
          <Field label={t('serasi.track.type')}>{t(`serasi.type.${ticket.type}`)}</Field>
          <Field label={t('serasi.track.filedAt')}>{when(ticket.filedAt)}</Field>
          <Field label={t('serasi.track.area')}>{ticket.area || t('common.none')}</Field>
          {ticket.closedAt && <Field label={t('serasi.track.closedAt')}>{when(ticket.closedAt)}</Field>}
        </SimpleGrid>
      </Card>
      <Card withBorder p="md" component="section" aria-labelledby="serasi-answers">
        <Title order={2} size="h4" mb="sm" id="serasi-answers">
          {t('serasi.track.answers')}
        </Title>
        {ticket.answers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('serasi.track.noAnswers')}
          </Text>
        ) : (
          <Timeline active={ticket.answers.length - 1} bulletSize={22} lineWidth={2}>
            {ticket.answers.map((a, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: answers are append-only and ordered
                key={i}
                bullet={<IconMessage size={12} aria-hidden />}
                title={
                  <Text size="xs" c="dimmed" component="span">
                    {when(a.at)}
                  </Text>
                }
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {eventText(a, t)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
      <Anchor component={Link} to="/lacak" size="sm">
        {t('serasi.track.another')}
      </Anchor>
    </>
  );
}
