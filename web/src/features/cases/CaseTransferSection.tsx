import { type Case, formatDateTime, type Transfer } from '@atensi/domain';
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor } from '../../app/theme';
import { currentLanguage } from '../../i18n';
import { Field, TransferStatusBadge } from './CaseBadges';
import {
  AcceptTransferModal,
  CancelTransferModal,
  RejectTransferModal,
  RequestTransferModal,
} from './CaseTransferModals';

type Props = { value: Case; onSaved: (c: Case) => void; onReload: () => void };
type Open = 'request' | 'cancel' | 'accept' | 'reject' | null;

/**
 * Pemindahan kasus: the transfer waiting for the receiving head (with the actions the signed-in
 * user may take on it) and the earlier requests. Hidden when there is nothing to show or do.
 */
export function CaseTransferSection({ value: c, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState<Open>(null);
  const pending = c.pendingTransfer;
  const history = c.transfers
    .filter((tr) => tr.status !== 'pending')
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  if (!pending && history.length === 0 && !c.can.requestTransfer) return null;
  const modalProps = { value: c, onClose: () => setOpen(null), onSaved, onReload };

  return (
    <Card withBorder component="section" aria-labelledby="case-transfer">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <Title order={2} size="h4" id="case-transfer">
          {t('cases.transfer.title')}
        </Title>
        {!pending && c.can.requestTransfer && (
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => setOpen('request')}
          >
            {t('cases.transfer.request')}
          </Button>
        )}
      </Group>

      {pending ? (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <TransferStatusBadge status="pending" />
            <Text size="sm">{t('cases.transfer.waiting', { center: pending.toCenterName })}</Text>
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
            <Field label={t('cases.transfer.fromCenter')}>{pending.fromCenterName}</Field>
            <Field label={t('cases.transfer.toCenter')}>{pending.toCenterName}</Field>
            <Field label={t('cases.transfer.requestedBy')}>
              {pending.requestedByName ?? t('common.none')}
            </Field>
            <Field label={t('cases.transfer.requestedAt')}>
              {formatDateTime(pending.requestedAt, 'WIB', lang)}
            </Field>
          </SimpleGrid>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('cases.transfer.reason')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {pending.reason}
            </Text>
          </div>
          {(c.can.decideTransfer || c.can.work) && (
            <Group gap="xs" wrap="wrap">
              {c.can.decideTransfer && (
                <>
                  <Button color={activeColor} onClick={() => setOpen('accept')}>
                    {t('cases.transfer.accept')}
                  </Button>
                  <Button variant="default" onClick={() => setOpen('reject')}>
                    {t('cases.transfer.reject')}
                  </Button>
                </>
              )}
              {c.can.work && (
                <Button variant="default" onClick={() => setOpen('cancel')}>
                  {t('cases.transfer.cancel')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.transfer.none')}
        </Text>
      )}

      {history.length > 0 && <TransferHistory items={history} />}

      {c.can.requestTransfer && <RequestTransferModal {...modalProps} opened={open === 'request'} />}
      {pending && c.can.work && (
        <CancelTransferModal {...modalProps} transfer={pending} opened={open === 'cancel'} />
      )}
      {pending && c.can.decideTransfer && (
        <>
          <AcceptTransferModal {...modalProps} transfer={pending} opened={open === 'accept'} />
          <RejectTransferModal {...modalProps} opened={open === 'reject'} />
        </>
      )}
    </Card>
  );
}

function TransferHistory({ items }: { items: Transfer[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const when = (at: string, by: string | null) => `${formatDateTime(at, 'WIB', lang)}${by ? ` · ${by}` : ''}`;
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs" id="case-transfer-history">
        {t('cases.transfer.history')}
      </Title>
      <Stack
        component="ul"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-labelledby="case-transfer-history"
      >
        {items.map((tr) => (
          <Card key={tr.id} component="li" withBorder p="xs">
            <Group gap="xs" wrap="wrap">
              <TransferStatusBadge status={tr.status} />
              <Text size="sm" fw={600}>
                {tr.fromCenterName} → {tr.toCenterName}
              </Text>
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {tr.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {t('cases.transfer.requestedOn', { when: when(tr.requestedAt, tr.requestedByName) })}
            </Text>
            {tr.decidedAt && (
              <Text size="xs" c="dimmed">
                {t('cases.transfer.decidedOn', { when: when(tr.decidedAt, tr.decidedByName) })}
              </Text>
            )}
            {tr.decisionNote && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('cases.transfer.decisionNote', { note: tr.decisionNote })}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
