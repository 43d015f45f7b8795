import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageStates';
import type { Recommendation, Recommendations } from './api';
import { formatNumber, reasonLabel } from './CaseBadges';

/** How many centres the case form shows before "show all": the choice is nearly always among these. */
export const recommendationsShown = 3;

/**
 * The routing recommendation on the open-case form: the best few centres with their reasons and
 * distance, the rest on demand, so the assignment fields and the submit button stay a short scroll
 * away (issue 11: 43 cards made the page 8,589 px tall).
 */
export function RecommendationList({
  query,
  hasRegion,
  chosenId,
}: {
  query: { data: Recommendations | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  hasRegion: boolean;
  chosenId: string;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const restId = useId();
  return (
    <Card withBorder component="section" aria-labelledby="case-reco-title">
      <Title order={2} size="h4" mb="xs" id="case-reco-title">
        {t('cases.reco.title')}
      </Title>
      {!hasRegion ? (
        <Text size="sm" c="dimmed">
          {t('cases.reco.noRegion')}
        </Text>
      ) : (
        <QueryState query={query} rows={3}>
          {({ items, origin }) => {
            if (items.length === 0)
              return (
                <Text size="sm" c="dimmed">
                  {t('cases.reco.empty')}
                </Text>
              );
            const top = items.slice(0, recommendationsShown);
            const rest = items.slice(recommendationsShown);
            const chosenRank = items.findIndex((r) => r.centerId === chosenId);
            return (
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {origin === null
                    ? t('cases.reco.originUnknown')
                    : origin.kind === 'position'
                      ? t('cases.reco.originPosition')
                      : t('cases.reco.originSeat', { seat: origin.seat ?? '' })}
                </Text>
                <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                  {top.map((r, i) => (
                    <RecommendationCard
                      key={r.centerId}
                      r={r}
                      rank={i + 1}
                      chosen={r.centerId === chosenId}
                    />
                  ))}
                </Stack>
                {!showAll && chosenRank >= recommendationsShown && (
                  <Text size="sm">
                    {t('cases.reco.chosenAt', { name: items[chosenRank]!.centerName, rank: chosenRank + 1 })}
                  </Text>
                )}
                {rest.length > 0 && (
                  <>
                    <Group>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-expanded={showAll}
                        aria-controls={restId}
                        leftSection={
                          showAll ? (
                            <IconChevronUp size={16} aria-hidden />
                          ) : (
                            <IconChevronDown size={16} aria-hidden />
                          )
                        }
                        onClick={() => setShowAll((v) => !v)}
                      >
                        {showAll ? t('cases.reco.showFewer') : t('cases.reco.showAll', { n: rest.length })}
                      </Button>
                    </Group>
                    {showAll && (
                      <Stack id={restId} component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                        {rest.map((r, i) => (
                          <RecommendationCard
                            key={r.centerId}
                            r={r}
                            rank={recommendationsShown + i + 1}
                            chosen={r.centerId === chosenId}
                            compact
                          />
                        ))}
                      </Stack>
                    )}
                  </>
                )}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </Card>
  );
}

/** One centre: rank, name, badges, the reasons in ranking order (room, coverage, distance). */
function RecommendationCard({
  r,
  rank,
  chosen,
  compact = false,
}: {
  r: Recommendation;
  rank: number;
  chosen: boolean;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card component="li" withBorder p={compact ? 'xs' : 'sm'} data-testid="reco-center">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} size={compact ? 'sm' : undefined}>
          {rank}. {r.centerName}
        </Text>
        <Group gap="xs">
          {rank === 1 && (
            <Badge variant="filled" color="blue.9" tt="none">
              {t('cases.reco.first')}
            </Badge>
          )}
          {chosen && (
            <Badge variant="filled" color="dark.6" tt="none">
              {t('cases.reco.chosen')}
            </Badge>
          )}
        </Group>
      </Group>
      {!compact && (
        <Text size="sm" c="dimmed">
          {t('cases.reco.score', { score: formatNumber(r.score, i18n.language, 2) })}
        </Text>
      )}
      {compact ? (
        <Text size="sm" c="dimmed">
          {r.reasons.map((reason) => reasonLabel(reason, t, i18n.language)).join(' · ')}
        </Text>
      ) : (
        <>
          <Text component="ul" size="sm" my={4} pl="md">
            {r.reasons.map((reason) => (
              <li key={`${reason.code}-${reason.value ?? ''}`}>{reasonLabel(reason, t, i18n.language)}</li>
            ))}
          </Text>
          {r.specialtyClusters.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('cases.reco.specialty', {
                clusters: r.specialtyClusters.map((c) => t(`cluster.${c}`)).join(', '),
              })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
