import { formatDateTime, type Ticket, zoneOfRegion } from '@atensi/domain';
import { Anchor, Card, Group, Image, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconMessage } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from '../persons/AnchorLink';
import { ticketPhotoUrl, ticketQueryOptions } from './api';
import { dueState } from './DeskPage';
import { eventText } from './eventText';
import { EscalationBadge, Field, OverdueBadge, TicketStatusBadge, VisibilityBadge } from './SerasiParts';
import { TicketActions } from './TicketActions';
import { TicketReferralSection } from './TicketReferralSection';

const route = getRouteApi('/app/serasi/$id');

/** One ticket for the desk: what was reported, by whom, its history, and the triage steps. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(ticketQueryOptions(id));
  return (
    <RequirePermission permission="serasi.read">
      <Stack gap="md">
        <Anchor component={Link} to="/serasi" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('serasi.ticket.back')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(ticket) => <TicketDetail ticket={ticket} onReload={() => void query.refetch()} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function TicketDetail({ ticket: tk, onReload }: { ticket: Ticket; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const zone = zoneOfRegion(tk.regionCode);
  const when = (at: string) => formatDateTime(at, zone, lang);
  const due = dueState(tk);

  const onSaved = (updated: Ticket) => {
    queryClient.setQueryData(ticketQueryOptions(tk.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['serasi', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['serasi', 'metrics'] });
  };

  return (
    <>
      <PageHeader title={t('serasi.ticket.title', { code: tk.code })} />
      <Card withBorder component="section" aria-labelledby="ticket-overview">
        <Title order={2} size="h4" mb="sm" id="ticket-overview">
          {t('serasi.ticket.overview')}
        </Title>
        <Group gap="xs" mb="sm">
          <TicketStatusBadge status={tk.status} />
          {tk.overdue && <OverdueBadge />}
          <EscalationBadge level={tk.escalationLevel} />
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Field label={t('serasi.ticket.type')}>{t(`serasi.type.${tk.type}`)}</Field>
          {tk.referredBy && (
            <Field label={t('serasi.incoming.referredBy')}>
              {tk.referralLetter ? `${tk.referredBy} (${tk.referralLetter})` : tk.referredBy}
            </Field>
          )}
          {tk.subject && (
            <Field label={t('serasi.ticket.subject')}>{t(`serasi.subject.${tk.subject}`)}</Field>
          )}
          {tk.aidProgram && (
            <Field label={t('serasi.ticket.aidProgram')}>{t(`serasi.aidProgram.${tk.aidProgram}`)}</Field>
          )}
          <Field label={t('serasi.ticket.place')}>{tk.place}</Field>
          <Field label={t('serasi.ticket.landmark')}>{tk.landmark ?? t('common.none')}</Field>
          <Field label={t('serasi.ticket.filedAt')}>{when(tk.filedAt)}</Field>
          <Field label={t('serasi.desk.fields.firstResponseDue')}>
            {tk.firstRespondedAt ? (
              `${when(tk.firstResponseDueAt)} · ${t('serasi.desk.responded')}: ${when(tk.firstRespondedAt)}`
            ) : (
              <Text
                component="span"
                size="sm"
                c={due.firstLate ? 'red.9' : undefined}
                fw={due.firstLate ? 700 : 400}
              >
                {when(tk.firstResponseDueAt)}
              </Text>
            )}
          </Field>
          <Field label={t('serasi.desk.fields.resolutionDue')}>
            <Text
              component="span"
              size="sm"
              c={due.resolutionLate ? 'red.9' : undefined}
              fw={due.resolutionLate ? 700 : 400}
            >
              {when(tk.resolutionDueAt)}
            </Text>
          </Field>
          <Field label={t('serasi.ticket.center')}>{tk.centerName ?? t('serasi.desk.unassigned')}</Field>
          <Field label={t('serasi.ticket.reporter')}>
            {tk.anonymous ? t('serasi.ticket.anonymous') : (tk.reporterName ?? t('common.none'))}
          </Field>
          {!tk.anonymous && (
            <Field label={t('serasi.ticket.contact')}>{tk.reporterContact ?? t('common.none')}</Field>
          )}
          {tk.caseId && (
            <Field label={t('serasi.ticket.case')}>
              {can(me, 'case.read') ? (
                <AnchorLink to="/kasus/$id" params={{ id: tk.caseId }} size="sm">
                  {tk.caseNumber ?? tk.caseId}
                </AnchorLink>
              ) : (
                (tk.caseNumber ?? tk.caseId)
              )}
            </Field>
          )}
          {tk.closedAt && <Field label={t('serasi.ticket.closedAt')}>{when(tk.closedAt)}</Field>}
        </SimpleGrid>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="sm">
          {t('serasi.ticket.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {tk.description}
        </Text>
        {tk.hasPhoto && (
          <>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="sm">
              {t('serasi.ticket.photo')}
            </Text>
            <Anchor
              href={ticketPhotoUrl(tk.id)}
              target="_blank"
              rel="noopener noreferrer"
              mt={4}
              display="block"
            >
              <Image
                src={ticketPhotoUrl(tk.id)}
                alt={t('serasi.ticket.photoAlt', { code: tk.code })}
                maw={360}
                mah={360}
                fit="contain"
                radius="sm"
              />
            </Anchor>
          </>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="ticket-actions">
        <Title order={2} size="h4" mb="sm" id="ticket-actions">
          {t('serasi.actions.title')}
        </Title>
        {tk.can.triage ? (
          <TicketActions ticket={tk} onSaved={onSaved} onReload={onReload} />
        ) : (
          <Text size="sm" c="dimmed">
            {tk.closedAt ? t('serasi.ticket.closedNotice') : t('serasi.ticket.readOnly')}
          </Text>
        )}
      </Card>

      <TicketReferralSection ticket={tk} onReload={onReload} />

      <Card withBorder component="section" aria-labelledby="ticket-timeline">
        <Title order={2} size="h4" mb="sm" id="ticket-timeline">
          {t('serasi.ticket.timeline')}
        </Title>
        <Timeline active={tk.timeline.length - 1} bulletSize={22} lineWidth={2}>
          {tk.timeline.map((e, i) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and ordered
              key={i}
              bullet={e.public ? <IconMessage size={12} aria-hidden /> : <IconLock size={12} aria-hidden />}
              color={e.public ? 'blue' : 'gray'}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text component="span" size="sm" fw={600}>
                    {t(`serasi.ticket.kind.${e.kind}`)}
                  </Text>
                  <VisibilityBadge visible={e.public} />
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {when(e.at)}
                {e.by ? ` · ${t('serasi.ticket.by', { name: e.by })}` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {eventText(e, t)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </>
  );
}
