import type { DuplicateCandidate } from '@atensi/domain';
import { Alert, Badge, Group, List, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconExternalLink } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from './AnchorLink';
import { birthLabel, percent } from './personFormat';

/** White on this is 7:1; Mantine's light orange badges fail contrast. */
export const warningColor = '#9a3412';

/** One candidate: who it is (masked), how alike, and why. */
export function CandidateSummary({
  candidate,
  newTab = false,
}: {
  candidate: DuplicateCandidate;
  newTab?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const p = candidate.person;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <AnchorLink
          to="/penerima-manfaat/$id"
          params={{ id: p.id }}
          fw={600}
          {...(newTab
            ? {
                target: '_blank',
                rel: 'noopener noreferrer',
                'aria-label': t('persons.duplicates.openLabel', { name: p.fullName }),
              }
            : {})}
        >
          <Group gap={4} wrap="nowrap" component="span">
            {p.fullName}
            {newTab && <IconExternalLink size={14} aria-hidden />}
          </Group>
        </AnchorLink>
        <Badge color={warningColor} variant="filled" size="sm">
          {t('persons.duplicates.score', { score: percent(candidate.score) })}
        </Badge>
      </Group>
      <Text size="sm">
        {[
          t(`persons.sex.${p.sex}`),
          birthLabel(p, t, lang),
          p.nikMasked ? `NIK ${p.nikMasked}` : null,
          p.regionName ?? p.regionCode,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm" c="dimmed">
        {candidate.reasons.map((r) => t(`persons.reason.${r}`)).join(', ')}
      </Text>
    </Stack>
  );
}

/**
 * "Kemungkinan data ganda": shown while the form is filled, before saving. A polite live
 * status tells screen-reader users when candidates appear, without reading the whole list.
 */
export function DuplicatePanel({
  candidates,
  checking,
  failed,
}: {
  candidates: DuplicateCandidate[];
  checking: boolean;
  failed: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const count = candidates.length;
  return (
    <>
      <VisuallyHidden role="status" aria-live="polite">
        {count > 0 ? t('persons.duplicates.found', { count }) : ''}
      </VisuallyHidden>
      {failed && count === 0 && (
        <Text size="sm" c="dimmed">
          {t('persons.duplicates.failed')}
        </Text>
      )}
      {count > 0 && (
        <Paper
          withBorder
          p="md"
          role="region"
          aria-label={t('persons.duplicates.title')}
          style={{ borderColor: warningColor, borderWidth: 2 }}
        >
          <Stack gap="sm">
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <IconCopy size={20} color={warningColor} aria-hidden />
                <Title order={2} size="h4" id={titleId}>
                  {t('persons.duplicates.title')}
                </Title>
              </Group>
              {checking && <Loader size="xs" aria-label={t('persons.duplicates.checking')} />}
            </Group>
            <Text size="sm">{t('persons.duplicates.intro')}</Text>
            <List listStyleType="none" spacing="sm" aria-labelledby={titleId} m={0} p={0}>
              {candidates.map((c) => (
                <List.Item key={c.person.id}>
                  <Paper withBorder p="xs">
                    <CandidateSummary candidate={c} newTab />
                  </Paper>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      )}
    </>
  );
}

/** An orange alert's title in a dark orange: Mantine's light orange title fails contrast. */
export function WarningTitle({ children }: { children: ReactNode }) {
  return (
    <Text component="span" fw={700} c={warningColor} inherit>
      {children}
    </Text>
  );
}

/** A short reminder next to "Simpan" so nobody saves past the panel unseen. */
export function DuplicateReminder({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert color="orange" variant="outline" p="xs">
      <Text size="sm" c={warningColor}>
        {t('persons.duplicates.beforeSave', { count })}
      </Text>
    </Alert>
  );
}
