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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      setError(errorMessage(e, t('login.failed')));
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
                <Button type="submit" loading={busy} fullWidth>
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
