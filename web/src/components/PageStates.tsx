import { Alert, Button, Center, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { ButtonLink } from './ButtonLink';

export function LoadingState({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true">
      <Center>
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

/** The server's message when there is one, else a generic sentence. */
export function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.message;
  return fallback;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('errors.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t('errors.generic'))}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function FullMessage({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="md" py="xl" ta="center">
      {icon}
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{body}</Text>
      <ButtonLink to="/">{t('errors.backHome')}</ButtonLink>
    </Stack>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <FullMessage
      icon={<IconLock size={48} aria-hidden />}
      title={t('errors.forbiddenTitle')}
      body={t('errors.forbiddenBody')}
    />
  );
}

export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <FullMessage
      icon={<IconMapQuestion size={48} aria-hidden />}
      title={t('errors.notFoundTitle')}
      body={t('errors.notFoundBody')}
    />
  );
}

/** Used outside the authenticated layout: brings its own `<main>`. */
export function NotFoundPage() {
  return (
    <main style={{ padding: 'var(--mantine-spacing-md)' }}>
      <NotFoundContent />
    </main>
  );
}

/** Content for a query: loader, error with retry, or the children with data. */
export function QueryState<T>({
  query,
  children,
  rows,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  rows?: number;
}) {
  if (query.isPending) return <LoadingState rows={rows ?? 3} />;
  if (query.error || query.data === undefined) {
    if (isApiError(query.error) && query.error.status === 403) return <ForbiddenPage />;
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundContent />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
