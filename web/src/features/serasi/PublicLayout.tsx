import { Alert, Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorMessage } from '../../components/PageStates';

/**
 * The frame of the public SERASI pages (no sign-in): a narrow, phone-first column with the
 * two public links and the language switch. Brings its own `<main>`, like the login page.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const links = [
    { to: '/lapor' as const, label: t('serasi.public.report') },
    { to: '/lacak' as const, label: t('serasi.public.track') },
  ];
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box component="header" bg="blue.9" c="white" py="sm">
        <Container size={720} px="md">
          <Group justify="space-between" align="center" gap="xs" wrap="wrap">
            <div>
              <Text fw={700} size="lg" lh={1.2}>
                {t('serasi.public.brand')}
              </Text>
              <Text size="xs" lh={1.3}>
                {t('serasi.public.tagline')}
              </Text>
            </div>
            <Box bg="white" p={2} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
              <LanguageSwitch />
            </Box>
          </Group>
          <Group component="nav" aria-label={t('serasi.public.nav')} gap="md" mt="xs">
            {links.map((l) => {
              const active = pathname === l.to || pathname.startsWith(`${l.to}/`);
              return (
                <Anchor
                  key={l.to}
                  component={Link}
                  to={l.to}
                  c="white"
                  fw={active ? 700 : 500}
                  underline={active ? 'always' : 'hover'}
                  aria-current={active ? 'page' : undefined}
                  size="sm"
                >
                  {l.label}
                </Anchor>
              );
            })}
          </Group>
        </Container>
      </Box>
      <Container size={720} px="md" py="md" component="main" id="main" tabIndex={-1}>
        {children}
      </Container>
      <Container size={720} px="md" pb="lg" component="footer">
        <Anchor component={Link} to="/masuk" size="sm">
          {t('serasi.public.staff')}
        </Anchor>
      </Container>
    </>
  );
}

/** A 429 reads as advice (wait, or contact the centre), not as a failure. */
export function PublicError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const tooMany = isApiError(error) && error.status === 429;
  return (
    <Alert color={tooMany ? 'orange' : 'red'} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t('errors.generic'))}</Text>
        {onRetry && !tooMany && (
          <Anchor component="button" type="button" size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
