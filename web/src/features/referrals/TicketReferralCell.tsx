import type { Me, Referral } from '@atensi/domain';
import { Box, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { AnchorLink } from '../persons/AnchorLink';
import { AnswerReferralModal, type ReferralAction } from './AnswerReferralModal';
import { answerTicketReferral } from './api';
import { ReferralActionButtons, type ReferralSide } from './ReferralItem';

/**
 * The side the user acts on for a referral forwarded from a ticket without a case: the desk
 * (officer or head) of the sending centre, or the receiving LKS (its list holds only those).
 */
export const ticketReferralSide = (
  me: Pick<Me, 'roles'>,
  r: Pick<Referral, 'centerId'>,
  direction: 'incoming' | 'outgoing',
): ReferralSide | null => {
  if (direction === 'incoming') return 'partner';
  return me.roles.some(
    (role) => (role.role === 'desk_officer' || role.role === 'center_head') && role.centerId === r.centerId,
  )
    ? 'case'
    : null;
};

/** A ticket's referral in the referrals list: the ticket, the reason, and the answers the user may give. */
export function TicketReferralCell({
  referral: r,
  direction,
}: {
  referral: Referral;
  direction: 'incoming' | 'outgoing';
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ReferralAction | null>(null);
  const side = ticketReferralSide(me, r, direction);
  const code = r.ticketCode ?? '';
  // Narrow enough that the status column keeps room for its badge.
  return (
    <Box maw={300}>
      {r.ticketId && direction === 'outgoing' && can(me, 'serasi.read') ? (
        <AnchorLink to="/serasi/$id" params={{ id: r.ticketId }} size="sm" ff="monospace">
          {code}
        </AnchorLink>
      ) : (
        <Text size="sm" ff="monospace">
          {code}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('referrals.fromTicket')}
      </Text>
      <Text size="xs" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
        {r.reason}
      </Text>
      {side && (
        <ReferralActionButtons
          referral={r}
          side={side}
          onAction={(kind) => setAction({ referral: r, kind })}
        />
      )}
      <AnswerReferralModal
        action={action}
        onClose={() => setAction(null)}
        onReload={() => void queryClient.invalidateQueries({ queryKey: ['referrals'] })}
        onAnswer={async (referral, input) => {
          await answerTicketReferral(referral.id, input);
          void queryClient.invalidateQueries({ queryKey: ['referrals'] });
          void queryClient.invalidateQueries({ queryKey: ['serasi', 'ticket'] });
          return t('referrals.actions.saved');
        }}
      />
    </Box>
  );
}
