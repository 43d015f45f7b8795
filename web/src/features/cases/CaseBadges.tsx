import type { CaseStage, TransferStatus, Urgency } from '@atensi/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';
import type { Recommendation } from './api';

export { Field } from '../../components/Field';
export { SaveError } from '../../components/SaveError';

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const stageColors: Record<CaseStage, string> = {
  engagement: 'blue.9',
  assessment: 'indigo.9',
  planning: 'violet.9',
  intervention: 'grape.9',
  resocialization: 'cyan.9',
  termination_requested: '#8a3c00',
  termination: activeColor,
  follow_up: inactiveColor,
};

const urgencyColors: Record<Urgency, string> = {
  low: inactiveColor,
  medium: 'blue.9',
  high: '#8a3c00',
  critical: 'red.9',
};

export function StageBadge({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={stageColors[stage]} tt="none">
      {t(`cases.stage.${stage}`)}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={urgencyColors[urgency]} tt="none">
      {t(`cases.urgency.${urgency}`)}
    </Badge>
  );
}

export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="red.9" tt="none">
      {t('cases.sensitive')}
    </Badge>
  );
}

const transferColors: Record<TransferStatus, string> = {
  pending: '#8a3c00',
  accepted: activeColor,
  rejected: 'red.9',
  cancelled: inactiveColor,
};

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={transferColors[status]} tt="none">
      {t(`cases.transfer.status.${status}`)}
    </Badge>
  );
}

/** A case whose transfer to another centre waits for that centre's head. */
export function PendingTransferBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="#8a3c00" tt="none">
      {t('cases.transfer.pendingBadge')}
    </Badge>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const responseLabel = (hours: number | null, t: Translate): string =>
  hours === null ? t('cases.noResponse') : t('cases.hours', { count: Math.round(hours * 10) / 10 });

const knownReasons = new Set([
  'after_centers_with_room',
  'covers_regency',
  'covers_province',
  'outside_coverage',
  'beds_free',
  'no_beds',
  'caseload_ok',
  'caseload_high',
  'distance_km',
  'distance_unknown',
]);

/** `1.234` or `0,85` in Indonesian, `1,234` or `0.85` in English. */
export const formatNumber = (n: number, language: string, maximumFractionDigits = 0): string =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits }).format(n);

export const reasonLabel = (
  reason: Recommendation['reasons'][number],
  t: Translate,
  language = 'id',
): string => {
  if (!knownReasons.has(reason.code)) return reason.code;
  const value = reason.value === undefined ? '' : formatNumber(reason.value, language, 1);
  const base = t(`cases.reason.${reason.code}`, { value });
  if ((reason.code === 'caseload_ok' || reason.code === 'caseload_high') && reason.value !== undefined) {
    return `${base} ${t('cases.reason.caseloadValue', { value })}`;
  }
  return base;
};
