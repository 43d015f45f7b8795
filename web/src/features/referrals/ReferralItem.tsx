import { canMoveReferral, formatDateTime, type Referral, type ReferralStatus } from '@atensi/domain';
import { Button, Card, Group, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor } from '../../app/theme';
import { notify } from '../../components/notify';
import { errorMessage } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { downloadReferralPdf } from './api';
import { ReferralStatusBadge } from './ReferralParts';

/** Who acts on a referral, as the server decides: the sending side (case or desk) first, then the receiving LKS. */
export type ReferralSide = 'case' | 'partner';
/** `record`: the sending side writes down the answer of a programme or office without users here. */
export type ReferralActionKind = 'record' | 'accepted' | 'rejected' | 'completed' | 'cancelled';

/** The buttons of one referral for the side the user acts on, and the letter for the sending side. */
export function ReferralActionButtons({
  referral: r,
  side,
  onAction,
}: {
  referral: Referral;
  side: ReferralSide;
  onAction: (kind: ReferralActionKind) => void;
}) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const may = (to: ReferralStatus) => canMoveReferral(r.status, to, side);
  const onLetter = async () => {
    setDownloading(true);
    try {
      await downloadReferralPdf(r);
      notify({ color: 'green', message: t('cases.downloaded') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setDownloading(false);
    }
  };
  /** LKS answer for themselves; the sending side records the answers of everyone else. */
  const canRecord = side === 'case' && r.target !== 'partner' && r.status === 'sent';
  return (
    <Group
      gap="xs"
      mt="xs"
      wrap="wrap"
      role="group"
      aria-label={t('referrals.section.actionsFor', { target: r.targetName })}
    >
      {side === 'partner' && may('accepted') && (
        <Button size="xs" color={activeColor} onClick={() => onAction('accepted')}>
          {t('referrals.actions.accept')}
        </Button>
      )}
      {side === 'partner' && may('rejected') && (
        <Button size="xs" variant="default" onClick={() => onAction('rejected')}>
          {t('referrals.actions.reject')}
        </Button>
      )}
      {canRecord && (
        <Button size="xs" variant="default" onClick={() => onAction('record')}>
          {t('referrals.actions.record')}
        </Button>
      )}
      {may('completed') && (
        <Button size="xs" variant="default" onClick={() => onAction('completed')}>
          {t('referrals.actions.complete')}
        </Button>
      )}
      {may('cancelled') && (
        <Button size="xs" variant="default" onClick={() => onAction('cancelled')}>
          {t('referrals.actions.cancel')}
        </Button>
      )}
      {side === 'case' && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileTypePdf size={14} aria-hidden />}
          loading={downloading}
          onClick={() => void onLetter()}
        >
          {t('referrals.actions.letter')}
        </Button>
      )}
    </Group>
  );
}

/** One referral as a card: where it went, why, its dates and answer, and what the user may do. */
export function ReferralItem({
  referral: r,
  side,
  onAction,
  note,
}: {
  referral: Referral;
  side: ReferralSide | null;
  onAction: (kind: ReferralActionKind) => void;
  /** A line about where the referral is followed, under its dates. */
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const when = (at: string) => formatDateTime(at, 'WIB', lang);
  return (
    <Card component="li" withBorder p="xs">
      <Group gap="xs" wrap="wrap">
        <ReferralStatusBadge status={r.status} />
        <Text size="sm" fw={600}>
          {r.targetName}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`referrals.target.${r.target}`)}
        </Text>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {r.reason}
      </Text>
      {r.letterNumber && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.letterNumber', { number: r.letterNumber })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('referrals.section.sentOn', {
          when: `${when(r.sentAt)}${r.sentByName ? ` · ${r.sentByName}` : ''}`,
        })}
      </Text>
      {r.answeredAt && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.answeredOn', { when: when(r.answeredAt) })}
        </Text>
      )}
      {r.completedAt && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.completedOn', { when: when(r.completedAt) })}
        </Text>
      )}
      {r.responseNote && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('referrals.section.note', { note: r.responseNote })}
        </Text>
      )}
      {note}
      {side && <ReferralActionButtons referral={r} side={side} onAction={onAction} />}
    </Card>
  );
}
