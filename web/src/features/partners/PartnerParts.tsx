import { formatDate, type Partner } from '@atensi/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';
import { currentLanguage } from '../../i18n';

type Accreditable = Pick<Partner, 'accreditation' | 'accreditedUntil'>;

/** `YYYY-MM-DD` of today on this device's calendar. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const accreditationExpired = (p: Accreditable) =>
  p.accreditation !== 'none' && !!p.accreditedUntil && p.accreditedUntil < localToday();

/** "B, berlaku s.d. 31 Desember 2027", or "Belum terakreditasi". */
export function useAccreditationText() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (p: Accreditable) =>
    p.accreditation === 'none' || !p.accreditedUntil
      ? t(`partners.accreditation.${p.accreditation}`)
      : t('partners.accreditationUntil', {
          grade: t(`partners.accreditation.${p.accreditation}`),
          date: formatDate(p.accreditedUntil, 'WIB', lang),
        });
}

/** Filled badges in dark shades (light ones fail the contrast check). */
export function ExpiredBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="#8a3c00" size="sm" tt="none">
      {t('partners.accreditationExpired')}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={active ? activeColor : inactiveColor} size="sm" tt="none">
      {active ? t('partners.active') : t('partners.inactive')}
    </Badge>
  );
}
