import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageStates';
import { staysQueryOptions } from './api';
import { stayLabel, useDateLabel } from './OutreachParts';

/** Every stay of the case, oldest first: TPS → balai → family, with dates and notes. */
export function StayHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const stays = useQuery(staysQueryOptions(caseId));
  return (
    <QueryState query={stays} rows={2}>
      {(items) =>
        items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('outreach.run.historyEmpty')}
          </Text>
        ) : (
          <List component="ol" size="sm" spacing={4} type="ordered">
            {items.map((s) => (
              <List.Item key={s.id}>
                <Text component="span" size="sm" fw={600}>
                  {stayLabel(s, t)}
                </Text>
                {' · '}
                {s.endedOn
                  ? t('outreach.run.period', { from: dateLabel(s.startedOn), to: dateLabel(s.endedOn) })
                  : t('outreach.run.periodOpen', { from: dateLabel(s.startedOn) })}
                {s.note && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {s.note}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )
      }
    </QueryState>
  );
}
