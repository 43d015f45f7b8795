import type { Ticket } from '@atensi/domain';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { AnswerReferralModal, type ReferralAction } from '../referrals/AnswerReferralModal';
import { answerTicketReferral } from '../referrals/api';
import { ReferralItem } from '../referrals/ReferralItem';
import { ticketReferralSide } from '../referrals/TicketReferralCell';

/**
 * Where the ticket was forwarded, with each referral's status. A referral without a case is
 * the desk's to follow here (answers, completion, letter); one through a case is followed by
 * the case's worker on the case.
 */
export function TicketReferralSection({ ticket, onReload }: { ticket: Ticket; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ReferralAction | null>(null);
  if (ticket.referrals.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="ticket-referrals">
      <Title order={2} size="h4" mb="sm" id="ticket-referrals">
        {t('serasi.forward.sectionTitle')}
      </Title>
      <Stack
        component="ul"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('serasi.forward.sectionTitle')}
      >
        {[...ticket.referrals].reverse().map((r) => (
          <ReferralItem
            key={r.id}
            referral={r}
            side={r.caseId === null ? ticketReferralSide(me, r, 'outgoing') : null}
            onAction={(kind) => setAction({ referral: r, kind })}
            note={
              r.caseNumber && (
                <Text size="xs" c="dimmed">
                  {t('serasi.forward.throughCase', { number: r.caseNumber })}
                </Text>
              )
            }
          />
        ))}
      </Stack>
      <AnswerReferralModal
        action={action}
        onClose={() => setAction(null)}
        onReload={onReload}
        onAnswer={async (r, input) => {
          await answerTicketReferral(r.id, input);
          void queryClient.invalidateQueries({ queryKey: ['referrals'] });
          onReload();
          return t('referrals.actions.saved');
        }}
      />
    </Card>
  );
}
