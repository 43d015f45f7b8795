import { createUserInput, limits, type Role } from '@atensi/domain';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../components/PageStates';
import { PasswordStrength, usePasswordHint } from '../../components/PasswordStrength';
import { RequirePermission } from '../../components/RequirePermission';
import { issuesToFormErrors } from '../../lib/validation';
import { createUser, userQueryOptions } from './api';
import { RoleFields } from './RoleFields';

type RoleRow = { key: number; role: Role | ''; centerId: string | null };
type Values = { name: string; email: string; username: string; password: string; roles: RoleRow[] };

const toInput = (v: Values) => ({
  name: v.name,
  email: v.email,
  username: v.username,
  password: v.password,
  roles: v.roles.map((r) => ({ role: r.role === '' ? undefined : r.role, centerId: r.centerId })),
});

export function UserCreatePage() {
  return (
    <RequirePermission permission="user.manage">
      <UserCreateForm />
    </RequirePermission>
  );
}

let rowKey = 0;

function UserCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintRef = useRef<ReturnType<typeof usePasswordHint>>(null);
  const form = useForm<Values>({
    initialValues: { name: '', email: '', username: '', password: '', roles: [] },
    validate: (values) => {
      const input = toInput(values);
      const result = createUserInput.safeParse(input);
      const errors = result.success ? {} : issuesToFormErrors(result.error.issues, input, t);
      // The password rule as the server applies it, when the browser has judged this very password.
      const hint = hintRef.current;
      if (!errors.password && hint?.message && hint.password === values.password)
        return { ...errors, password: hint.message };
      return errors;
    },
  });
  const hint = usePasswordHint(form.values.password, form.values);
  hintRef.current = hint;

  const submit = form.onSubmit(
    async (values) => {
      const result = createUserInput.safeParse(toInput(values));
      if (!result.success) return;
      setServerError(null);
      setBusy(true);
      try {
        const user = await createUser(result.data);
        queryClient.setQueryData(userQueryOptions(user.id).queryKey, user);
        await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
        notify({ color: 'green', message: t('users.createdNotice') });
        await navigate({ to: '/pengguna/$id', params: { id: user.id } });
      } catch (error) {
        setServerError(errorMessage(error, t('errors.generic')));
        if (isApiError(error)) form.setErrors(fieldErrorsToForm(error.fields));
      } finally {
        setBusy(false);
      }
    },
    () => setServerError(t('errors.checkFields')),
  );

  return (
    <>
      <PageHeader title={t('users.createTitle')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {serverError && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {serverError}
            </Alert>
          )}
          <Card withBorder component="section">
            <Title order={2} size="h4" mb="sm">
              {t('users.accountTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('users.fields.name')}
                required
                maxLength={limits.nameMax}
                autoComplete="off"
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('users.fields.email')}
                type="email"
                required
                maxLength={limits.emailMax}
                autoComplete="off"
                {...form.getInputProps('email')}
              />
              <TextInput
                label={t('users.fields.username')}
                description={t('users.hints.username')}
                required
                maxLength={30}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                {...form.getInputProps('username')}
              />
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                label={t('users.fields.password')}
                description={t('users.hints.password', { min: limits.passwordMin })}
                required
                maxLength={limits.passwordMax}
                autoComplete="new-password"
                {...form.getInputProps('password')}
                inputContainer={(input) => (
                  <>
                    {input}
                    <PasswordStrength hint={hint} />
                  </>
                )}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder component="section">
            <Title order={2} size="h4" mb="sm">
              {t('users.initialRoles')}
            </Title>
            <Stack gap="sm">
              {form.values.roles.map((row, index) => (
                <Group key={row.key} align="flex-end" wrap="nowrap" gap="xs">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
                    <RoleFields
                      role={row.role}
                      centerId={row.centerId}
                      onRole={(r) => form.setFieldValue(`roles.${index}.role`, r)}
                      onCenter={(c) => form.setFieldValue(`roles.${index}.centerId`, c)}
                      roleError={form.errors[`roles.${index}.role`]}
                      centerError={form.errors[`roles.${index}.centerId`]}
                    />
                  </SimpleGrid>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('users.removeRoleRow', { index: index + 1 })}
                    onClick={() => form.removeListItem('roles', index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('roles', { key: ++rowKey, role: '', centerId: null })}
                >
                  {t('users.addRoleRow')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate({ to: '/pengguna' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
