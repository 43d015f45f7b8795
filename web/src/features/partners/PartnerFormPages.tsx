import type { Partner } from '@atensi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenPage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { createPartner, partnerQueryOptions, updatePartner } from './api';
import { PartnerForm } from './PartnerForm';
import { canManagePartner } from './partnerFormValues';

export function PartnerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <RequirePermission permission="partner.manage">
      <PageHeader title={t('partners.createTitle')} />
      <PartnerForm
        onCancel={() => void navigate({ to: '/lks' })}
        onSubmit={async (input) => {
          const created = await createPartner(input);
          queryClient.setQueryData(partnerQueryOptions(created.id).queryKey, created);
          await queryClient.invalidateQueries({ queryKey: ['partners', 'list'] });
          notify({ color: 'green', message: t('partners.createdNotice') });
          await navigate({ to: '/lks/$id', params: { id: created.id } });
        }}
      />
    </RequirePermission>
  );
}

const editRoute = getRouteApi('/app/lks/$id/ubah');

export function PartnerEditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = editRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const partner = useQuery({ ...partnerQueryOptions(id), staleTime: 0 });
  return (
    <>
      <PageHeader title={t('partners.editTitle')} />
      <QueryState query={partner} rows={8}>
        {(p: Partner) =>
          !canManagePartner(me, p.centerId) ? (
            <ForbiddenPage />
          ) : (
            <PartnerForm
              initial={p}
              onCancel={() => void navigate({ to: '/lks/$id', params: { id } })}
              onReload={async () => (await partner.refetch()).data}
              onSubmit={async (input, version) => {
                const saved = await updatePartner(id, input, version);
                queryClient.setQueryData(partnerQueryOptions(id).queryKey, saved);
                await queryClient.invalidateQueries({ queryKey: ['partners', 'list'] });
                notify({ color: 'green', message: t('partners.updatedNotice') });
                await navigate({ to: '/lks/$id', params: { id } });
              }}
            />
          )
        }
      </QueryState>
    </>
  );
}
