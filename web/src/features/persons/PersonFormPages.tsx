import type { Person } from '@atensi/domain';
import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { rememberServeElsewhere, type ServeElsewhere } from '../cases/serveElsewhere';
import { createPerson, personQueryOptions, updatePerson } from './api';
import { PersonForm } from './PersonForm';
import { registeringCenters } from './personFormValues';

export function PersonCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const centers = registeringCenters(me);
  return (
    <RequirePermission permission="person.create">
      <PageHeader title={t('persons.createTitle')} />
      {centers.length === 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('persons.noCenter')}
        </Alert>
      ) : (
        <PersonForm
          mode="create"
          centers={centers}
          onCancel={() => void navigate({ to: '/penerima-manfaat' })}
          {...(can(me, 'case.create')
            ? {
                onServeElsewhere: (personId: string, typed: ServeElsewhere) => {
                  rememberServeElsewhere(queryClient, personId, typed);
                  void navigate({ to: '/penerima-manfaat/$id/kasus-baru', params: { id: personId } });
                },
              }
            : {})}
          onSubmit={async (input) => {
            const created = await createPerson(input);
            queryClient.setQueryData(personQueryOptions(created.id).queryKey, created);
            await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
            await queryClient.invalidateQueries({ queryKey: ['persons', 'duplicates'] });
            notify({ color: 'green', message: t('persons.createdNotice') });
            await navigate({ to: '/penerima-manfaat/$id', params: { id: created.id } });
          }}
        />
      )}
    </RequirePermission>
  );
}

const editRoute = getRouteApi('/app/penerima-manfaat/$id/ubah');

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id } = editRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = useQuery({ ...personQueryOptions(id), staleTime: 0 });
  return (
    <RequirePermission permission="person.update">
      <Stack gap={0}>
        <PageHeader title={t('persons.editTitle')} />
        <QueryState query={person} rows={8}>
          {(p: Person) => (
            <PersonForm
              mode="edit"
              initial={p}
              onCancel={() => void navigate({ to: '/penerima-manfaat/$id', params: { id } })}
              onReload={async () => (await person.refetch()).data}
              onSubmit={async (input) => {
                const saved = await updatePerson(id, input);
                queryClient.setQueryData(personQueryOptions(id).queryKey, saved);
                await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
                await queryClient.invalidateQueries({ queryKey: ['persons', 'duplicates'] });
                notify({ color: 'green', message: t('persons.updatedNotice') });
                await navigate({ to: '/penerima-manfaat/$id', params: { id } });
              }}
            />
          )}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
