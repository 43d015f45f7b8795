import { createUserInput, limits } from '@atensi/domain';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { notify } from '../../components/notify';
import { errorMessage, QueryState } from '../../components/PageStates';
import { PasswordStrength, usePasswordHint } from '../../components/PasswordStrength';
import { issuesToFormErrors } from '../../lib/validation';

export const setupQueryOptions = {
  queryKey: ['setup'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<{ needed: boolean }>('/api/setup', { signal }),
  staleTime: 0,
};

const accountInput = createUserInput.omit({ roles: true });
type Values = { token: string; name: string; email: string; username: string; password: string };

/** First start: create the first administrator with the one-time token the server printed. */
export function SetupPage() {
  const { t } = useTranslation();
  const setup = useQuery(setupQueryOptions);
  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="lg" w="100%" maw={480}>
          <Stack>
            <LanguageSwitch />
            <Title order={1} size="h2">
              {t('setup.title')}
            </Title>
            <QueryState query={setup}>
              {(s) =>
                s.needed ? (
                  <SetupForm />
                ) : (
                  <Stack gap="xs">
                    <Text>{t('setup.notNeeded')}</Text>
                    <Anchor component={Link} to="/masuk">
                      {t('setup.goLogin')}
                    </Anchor>
                  </Stack>
                )
              }
            </QueryState>
          </Stack>
        </Paper>
      </Center>
    </main>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintRef = useRef<ReturnType<typeof usePasswordHint>>(null);
  const form = useForm<Values>({
    initialValues: { token: '', name: '', email: '', username: '', password: '' },
    validate: (values) => {
      const { token, ...account } = values;
      const result = accountInput.safeParse(account);
      const errors: Record<string, string> = result.success
        ? {}
        : issuesToFormErrors(result.error.issues, account, t);
      // The password rule as the server applies it, when the browser has judged this very password.
      const hint = hintRef.current;
      if (!errors.password && hint?.message && hint.password === values.password)
        errors.password = hint.message;
      return token.trim().length < 10 ? { ...errors, token: t('validation.required') } : errors;
    },
  });
  const hint = usePasswordHint(form.values.password, form.values);
  hintRef.current = hint;
  const submit = form.onSubmit(async (values) => {
    const { token, ...account } = values;
    const parsed = accountInput.safeParse(account);
    if (!parsed.success) return;
    setServerError(null);
    setBusy(true);
    try {
      await api('/api/setup', { method: 'POST', body: { ...parsed.data, token: token.trim() } });
      notify({ color: 'green', message: t('setup.done') });
      await navigate({ to: '/masuk' });
    } catch (error) {
      setServerError(errorMessage(error, t('errors.generic')));
      if (isApiError(error)) form.setErrors(fieldErrorsToForm(error.fields));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('setup.intro')}
        </Text>
        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {serverError}
          </Alert>
        )}
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          label={t('setup.token')}
          description={t('setup.tokenHint')}
          required
          autoComplete="off"
          {...form.getInputProps('token')}
        />
        <TextInput
          label={t('users.fields.name')}
          required
          maxLength={limits.nameMax}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('users.fields.email')}
          type="email"
          required
          maxLength={limits.emailMax}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('users.fields.username')}
          description={t('users.hints.username')}
          required
          autoCapitalize="none"
          {...form.getInputProps('username')}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          label={t('login.password')}
          description={t('users.hints.password', { min: limits.passwordMin })}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
          inputContainer={(input) => (
            <>
              {input}
              <PasswordStrength hint={hint} />
            </>
          )}
        />
        <Button type="submit" loading={busy}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
