import type { Ticket, TicketStatus } from '@atensi/domain';
import { Badge, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';

export { Field } from '../../components/Field';

import { SaveError } from '../../components/SaveError';

export { SaveError };

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const statusColors: Record<TicketStatus, string> = {
  new: 'blue.9',
  in_progress: 'violet.9',
  forwarded: '#8a3c00',
  closed: activeColor,
};

export function TicketStatusBadge({ status, size }: { status: TicketStatus; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={statusColors[status]} tt="none" size={size}>
      {t(`serasi.status.${status}`)}
    </Badge>
  );
}

/** 1: the centre head was alerted; 2: central staff too. */
export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  return (
    <Badge variant="filled" color={level >= 2 ? 'red.9' : '#8a3c00'} tt="none">
      {level >= 2 ? t('serasi.desk.escalation.central') : t('serasi.desk.escalation.head')}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="red.9" tt="none">
      {t('serasi.desk.overdue')}
    </Badge>
  );
}

export function VisibilityBadge({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={visible ? 'blue.9' : inactiveColor} tt="none" size="sm">
      {visible ? t('serasi.ticket.public') : t('serasi.ticket.internal')}
    </Badge>
  );
}

/** What every triage step's modal gets from the ticket page. */
export type TriageModalProps = {
  ticket: Ticket;
  onSaved: (t: Ticket) => void;
  onClose: () => void;
  onReload: () => void;
};

/** A modal form for one triage step: fields, the server's error (reload offer on a conflict), cancel/submit. */
export function ActionModal({
  opened,
  title,
  submitLabel,
  submitColor,
  busy,
  error,
  onSubmit,
  onClose,
  onReload,
  children,
  size,
  footer,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitColor?: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  onReload: () => void;
  children: ReactNode;
  size?: string;
  /** Replaces the cancel/submit buttons (e.g. after success). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <SaveError
            error={error}
            onReload={() => {
              onClose();
              onReload();
            }}
          />
          {footer ?? (
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} color={submitColor}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
