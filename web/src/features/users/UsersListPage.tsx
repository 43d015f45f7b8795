import { type Role, roles } from '@atensi/domain';
import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';
import { AppPagination } from '../../components/AppPagination';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { type UserFilters, userPageSize, usersQueryOptions } from './api';

export function UsersListPage() {
  return (
    <RequirePermission permission="user.manage">
      <UsersList />
    </RequirePermission>
  );
}

function UsersList() {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term.trim(), 350);
  const [role, setRole] = useState<Role | null>(null);
  const [active, setActive] = useState<'true' | 'false' | null>(null);
  const [page, setPage] = useState(1);
  const filters: UserFilters = {
    page,
    ...(debounced ? { q: debounced } : {}),
    ...(role ? { role } : {}),
    ...(active ? { active } : {}),
  };
  const list = useQuery(usersQueryOptions(filters));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.listTitle')}
        actions={
          <ButtonLink to="/pengguna/baru" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('users.add')}
          </ButtonLink>
        }
      />
      <Card withBorder p="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            autoComplete="off"
            value={term}
            onChange={(e) => {
              setTerm(e.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label={t('users.filterRole')}
            placeholder={t('common.all')}
            data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role}
            onChange={(v) => {
              setRole(v as Role | null);
              setPage(1);
            }}
            clearable
          />
          <Select
            label={t('users.filterActive')}
            placeholder={t('common.all')}
            data={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            value={active}
            onChange={(v) => {
              setActive(v as 'true' | 'false' | null);
              setPage(1);
            }}
            clearable
          />
        </SimpleGrid>
      </Card>
      <QueryState query={list} rows={6}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720} type="native">
                <Table striped highlightOnHover aria-label={t('users.listLabel')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('users.fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
                      <Table.Th scope="col">{t('users.fields.username')}</Table.Th>
                      <Table.Th scope="col">{t('users.fields.roles')}</Table.Th>
                      <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Link to="/pengguna/$id" params={{ id: u.id }}>
                            {u.name}
                          </Link>
                        </Table.Td>
                        <Table.Td>{u.email}</Table.Td>
                        <Table.Td>{u.username ?? t('common.none')}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {u.roles.map((r) => (
                              <Badge key={r.id} variant="light" size="sm" tt="none">
                                {t(`role.${r.role}`)}
                                {r.centerName ? ` · ${r.centerName}` : ''}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={u.active ? activeColor : inactiveColor} variant="filled">
                            {u.active ? t('users.active') : t('users.inactive')}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={data.page}
              pageSize={data.pageSize || userPageSize}
              total={data.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
