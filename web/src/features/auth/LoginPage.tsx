import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { meQueryOptions, signIn } from '../../api/me';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorMessage } from '../../components/PageStates';
import { setupQueryOptions } from './SetupPage';

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsUntil(waitUntil);
  const setup = useQuery({ ...setupQueryOptions, retry: false });
  const form = useForm({
    initialValues: { identifier: '', password: '' },
    validate: {
      identifier: (v) => (v.trim() === '' ? t('validation.required') : null),
      password: (v) => (v === '' ? t('validation.required') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    try {
      await signIn(values.identifier, values.password);
      const me = await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
      if (!me) throw new Error('not signed in');
      await navigate({ to: '/' });
    } catch (e) {
      // Too many attempts (this account, or this address): say how long, count it down, keep the button off.
      const wait = isApiError(e) && e.status === 429 ? Number(e.details.retryAfterSeconds) : Number.NaN;
      if (Number.isFinite(wait) && wait > 0) {
        setError(null);
        setWaitUntil(Date.now() + wait * 1000);
      } else {
        setError(errorMessage(e, t('login.failed')));
      }
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Text fw={700} c="blue.8" size="lg">
                {t('app.name')}
              </Text>
              <LanguageSwitch />
            </Group>
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('login.intro')}
              </Text>
            </div>
            {error && (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
                {error}
              </Alert>
            )}
            {secondsLeft > 0 && (
              <Alert
                color="orange"
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
                data-testid="login-wait"
              >
                {t('login.wait', { seconds: secondsLeft })}
              </Alert>
            )}
            <form onSubmit={submit} noValidate>
              <Stack>
                <TextInput
                  label={t('login.identifier')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  {...form.getInputProps('identifier')}
                />
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={busy} disabled={secondsLeft > 0} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Anchor component={Link} to="/lapor" size="sm">
              {t('serasi.public.loginLink')}
            </Anchor>
            {setup.data?.needed && (
              <Anchor component={Link} to="/pasang" size="sm">
                {t('setup.link')}
              </Anchor>
            )}
          </Stack>
        </Paper>
      </Center>
    </main>
  );
}

/** Whole seconds left until `until` (ms), ticking once a second; 0 when passed or unset. */
function useSecondsUntil(until: number | null): number {
  const left = () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` reads only `until`.
  useEffect(() => {
    setSeconds(left());
    if (until === null) return;
    const timer = setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}
