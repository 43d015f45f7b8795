import { assignRoleInput, formatDateTime, type Role, type User } from '@atensi/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { activeColor, inactiveColor } from '../../app/theme';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { assignRole, removeRole, setUserActive, userQueryOptions } from './api';
import { RoleFields } from './RoleFields';

const route = getRouteApi('/app/pengguna/$id');

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const user = useQuery(userQueryOptions(id));
  return (
    <RequirePermission permission="user.manage">
      <Stack gap="md">
        <Anchor component={Link} to="/pengguna" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('nav.users')}
          </Group>
        </Anchor>
        <QueryState query={user} rows={6}>
          {(u) => <UserDetail user={u} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const apply = (updated: User) => {
    queryClient.setQueryData(userQueryOptions(user.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  };

  const toggleActive = async () => {
    setBusy(true);
    try {
      apply(await setUserActive(user.id, !user.active));
      notify({
        color: 'green',
        message: user.active ? t('users.deactivatedNotice') : t('users.activatedNotice'),
      });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setBusy(false);
      close();
    }
  };

  const remove = async (assignmentId: string) => {
    setRemoving(assignmentId);
    try {
      apply(await removeRole(user.id, assignmentId));
      notify({ color: 'green', message: t('users.roleRemoved') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setRemoving(null);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {user.name}{' '}
            <Badge color={user.active ? activeColor : inactiveColor} variant="filled" size="sm">
              {user.active ? t('users.active') : t('users.inactive')}
            </Badge>
          </>
        }
        actions={
          <Button color={user.active ? 'red' : 'green'} variant="light" onClick={open}>
            {user.active ? t('users.deactivate') : t('users.activate')}
          </Button>
        }
      />
      <Card withBorder component="section">
        <Title order={2} size="h4" mb="sm">
          {t('users.accountTitle')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          {[
            [t('users.fields.email'), user.email],
            [t('users.fields.username'), user.username ?? t('common.none')],
            [t('users.fields.createdAt'), formatDateTime(user.createdAt, 'WIB', currentLanguage())],
          ].map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      <Card withBorder component="section">
        <Title order={2} size="h4" mb="sm">
          {t('users.rolesTitle')}
        </Title>
        {user.roles.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('users.noRoles')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420} type="native">
            <Table aria-label={t('users.rolesTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.fields.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.center')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.roles.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{t(`role.${r.role}`)}</Table.Td>
                    <Table.Td>{r.centerName ?? t('home.national')}</Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        loading={removing === r.id}
                        aria-label={t('users.removeRole', {
                          role: `${t(`role.${r.role}`)}${r.centerName ? ` (${r.centerName})` : ''}`,
                        })}
                        onClick={() => void remove(r.id)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <AddRole user={user} onAdded={apply} />
      <ConfirmModal
        opened={confirm}
        onClose={close}
        title={user.active ? t('users.deactivateTitle') : t('users.activateTitle')}
        body={
          user.active
            ? t('users.deactivateBody', { name: user.name })
            : t('users.activateBody', { name: user.name })
        }
        confirmLabel={user.active ? t('users.deactivate') : t('users.activate')}
        color={user.active ? 'red' : 'green'}
        loading={busy}
        onConfirm={() => void toggleActive()}
      />
    </>
  );
}

function AddRole({ user, onAdded }: { user: User; onAdded: (u: User) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | ''>('');
  const [centerId, setCenterId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = { role: role === '' ? undefined : role, centerId };
    const result = assignRoleInput.safeParse(input);
    setServerError(null);
    if (!result.success) {
      setErrors(issuesToFormErrors(result.error.issues, input, t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onAdded(await assignRole(user.id, result.data));
      notify({ color: 'green', message: t('users.roleAdded') });
      setRole('');
      setCenterId(null);
      setFormKey((k) => k + 1);
    } catch (error) {
      setServerError(errorMessage(error, t('errors.generic')));
      if (isApiError(error)) setErrors(fieldErrorsToForm(error.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section">
      <Title order={2} size="h4" mb="sm">
        {t('users.addRoleTitle')}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {serverError && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {serverError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" key={formKey}>
            <RoleFields
              role={role}
              centerId={centerId}
              onRole={setRole}
              onCenter={setCenterId}
              roleError={errors.role}
              centerError={errors.centerId}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              {t('users.addRole')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
