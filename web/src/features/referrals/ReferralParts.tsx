import type { ReferralStatus } from '@atensi/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const statusColors: Record<ReferralStatus, string> = {
  sent: '#8a3c00',
  accepted: 'blue.9',
  rejected: 'red.9',
  completed: activeColor,
  cancelled: inactiveColor,
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      color={statusColors[status]}
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}
