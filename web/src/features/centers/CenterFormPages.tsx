import type { CenterDetail } from '@atensi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenPage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { centerQueryOptions, createCenter, updateCenter } from './api';
import { CenterForm } from './CenterForm';

export function CenterCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <RequirePermission permission="center.create">
      <PageHeader title={t('center.createTitle')} />
      <CenterForm
        mode="create"
        onCancel={() => void navigate({ to: '/balai' })}
        onSubmit={async (input) => {
          const created = await createCenter(input);
          queryClient.setQueryData(centerQueryOptions(created.id).queryKey, created);
          await queryClient.invalidateQueries({ queryKey: ['centers', 'list'] });
          notify({ color: 'green', message: t('center.createdNotice') });
          await navigate({ to: '/balai/$id', params: { id: created.id } });
        }}
      />
    </RequirePermission>
  );
}

const editRoute = getRouteApi('/app/balai/$id/ubah');

export function CenterEditPage() {
  const { t } = useTranslation();
  const { id } = editRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const center = useQuery({ ...centerQueryOptions(id), staleTime: 0 });
  return (
    <>
      <PageHeader title={t('center.editTitle')} />
      <QueryState query={center} rows={8}>
        {(c: CenterDetail) =>
          !c.access.update ? (
            <ForbiddenPage />
          ) : (
            <CenterForm
              mode="edit"
              initial={c}
              onCancel={() => void navigate({ to: '/balai/$id', params: { id } })}
              onReload={async () => (await center.refetch()).data}
              onSubmit={async (input) => {
                const saved = await updateCenter(id, input);
                queryClient.setQueryData(centerQueryOptions(id).queryKey, saved);
                await queryClient.invalidateQueries({ queryKey: ['centers', 'list'] });
                notify({ color: 'green', message: t('center.updatedNotice') });
                await navigate({ to: '/balai/$id', params: { id } });
              }}
            />
          )
        }
      </QueryState>
    </>
  );
}
