import { changeOwnPasswordInput, limits, updateOwnAccountInput } from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { meQueryOptions, useMe } from '../../api/me';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../components/PageStates';
import { PasswordStrength, usePasswordHint } from '../../components/PasswordStrength';
import { issuesToFormErrors } from '../../lib/validation';
import { changeOwnPassword, updateOwnName } from './api';

/** Your own account: your name and your password. The username is the administrator's to change. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Stack gap="md">
        <NameCard />
        <PasswordCard />
      </Stack>
    </>
  );
}

function NameCard() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: me.name },
    validate: (values) => {
      const result = updateOwnAccountInput.safeParse(values);
      return result.success ? {} : issuesToFormErrors(result.error.issues, values, t);
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    try {
      await updateOwnName(values.name.trim());
      await queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      notify({ color: 'green', message: t('account.nameSaved') });
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')));
      if (isApiError(e)) form.setErrors(fieldErrorsToForm(e.fields));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="account-name">
      <Title order={2} size="h4" mb="sm" id="account-name">
        {t('account.nameTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('users.fields.name')}
              required
              maxLength={limits.nameMax}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('users.fields.username')}
              description={t('account.usernameByAdmin')}
              value={me.username ?? ''}
              readOnly
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

type PasswordValues = { currentPassword: string; newPassword: string; revokeOtherSessions: boolean };

function PasswordCard() {
  const { t } = useTranslation();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintRef = useRef<ReturnType<typeof usePasswordHint>>(null);
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', revokeOtherSessions: true },
    validate: (values) => {
      const result = changeOwnPasswordInput.safeParse(values);
      const errors: Record<string, string> = result.success
        ? {}
        : issuesToFormErrors(result.error.issues, values, t);
      const hint = hintRef.current;
      if (!errors.newPassword && hint?.message && hint.password === values.newPassword)
        errors.newPassword = hint.message;
      return errors;
    },
  });
  const hint = usePasswordHint(form.values.newPassword, me);
  hintRef.current = hint;
  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    try {
      await changeOwnPassword(values);
      form.reset();
      notify({ color: 'green', message: t('account.passwordChanged') });
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')));
      if (isApiError(e)) form.setErrors(fieldErrorsToForm(e.fields));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="account-password">
      <Title order={2} size="h4" mb="xs" id="account-password">
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('users.hints.password', { min: limits.passwordMin })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
              label={t('account.currentPassword')}
              required
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
              label={t('account.newPassword')}
              required
              maxLength={limits.passwordMax}
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
              inputContainer={(input) => (
                <>
                  {input}
                  <PasswordStrength hint={hint} />
                </>
              )}
            />
          </SimpleGrid>
          <Checkbox
            label={t('account.revokeOtherSessions')}
            {...form.getInputProps('revokeOtherSessions', { type: 'checkbox' })}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
