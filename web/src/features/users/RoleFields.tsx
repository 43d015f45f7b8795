import { isNationalRole, type Role, roles } from '@atensi/domain';
import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CenterSelect } from '../../components/CenterSelect';

/** Role + centre, the centre disabled (and cleared) for national roles. */
export function RoleFields({
  role,
  centerId,
  onRole,
  onCenter,
  roleError,
  centerError,
}: {
  role: Role | '';
  centerId: string | null;
  onRole: (role: Role | '') => void;
  onCenter: (centerId: string | null) => void;
  roleError?: ReactNode;
  centerError?: ReactNode;
}) {
  const { t } = useTranslation();
  const national = role !== '' && isNationalRole(role);
  return (
    <>
      <Select
        label={t('users.fields.role')}
        required
        data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        value={role || null}
        onChange={(v) => {
          const next = (v ?? '') as Role | '';
          onRole(next);
          if (next !== '' && isNationalRole(next)) onCenter(null);
        }}
        error={roleError}
      />
      <CenterSelect
        label={t('users.fields.center')}
        description={t('users.hints.center')}
        required={!national}
        disabled={national}
        value={centerId}
        onChange={onCenter}
        error={centerError}
      />
    </>
  );
}
