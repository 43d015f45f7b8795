import { type Case, type CaseStage, isClosed } from '@atensi/domain';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { staysQueryOptions } from '../outreach/api';
import { MoveModal } from '../outreach/MoveModal';
import { StayBadge, useDateLabel } from '../outreach/OutreachParts';
import { StayHistory } from '../outreach/StayHistory';

/**
 * Where the person stays (TPS, LKS, balai, family) with the history, and the outreach "Pindahkan"
 * dialog for those who may move them: the outreach rule plus work on this case, as the server checks.
 */
export function CaseStaySection({ value: c }: { value: Case }) {
  const me = useMe();
  if (!can(me, 'outreach.read')) return null;
  const closed = isClosed(c.stage as CaseStage);
  return <Stays value={c} canMove={can(me, 'outreach.record') && c.can.work && !closed} closed={closed} />;
}

function Stays({ value: c, canMove, closed }: { value: Case; canMove: boolean; closed: boolean }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const [moving, setMoving] = useState(false);
  const stays = useQuery(staysQueryOptions(c.id));
  const current = stays.data?.find((s) => s.endedOn === null) ?? null;
  return (
    <Card withBorder component="section" aria-labelledby="case-stays">
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} size="h4" id="case-stays">
          {t('outreach.caseStays.title')}
        </Title>
        {canMove && (
          <Button
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => setMoving(true)}
            disabled={!stays.isSuccess}
            aria-label={t('outreach.run.moveLabel', { name: c.personName })}
          >
            {t('outreach.run.move')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {stays.isSuccess && (
          <Group gap="xs">
            <Text size="sm">{t('outreach.run.stayNow')}:</Text>
            <StayBadge stay={current} />
            {current && (
              <Text size="sm" c="dimmed">
                {t('outreach.run.since', { date: dateLabel(current.startedOn) })}
              </Text>
            )}
          </Group>
        )}
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
            {t('outreach.run.history')}
          </Text>
          <StayHistory caseId={c.id} />
        </div>
        {closed && (
          <Text size="sm" c="dimmed">
            {t('outreach.caseStays.closedHint')}
          </Text>
        )}
      </Stack>
      {moving && (
        <MoveModal
          centerId={c.centerId}
          person={{ caseId: c.id, fullName: c.personName, current }}
          onClose={() => setMoving(false)}
        />
      )}
    </Card>
  );
}
