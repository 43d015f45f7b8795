import {
  type CampaignStatus,
  type FundraisingRuleProblem,
  formatRupiah,
  fundraisingRuleMessage,
  progressPercent,
} from '@atensi/domain';
import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  type NumberInputProps,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { activeColor, inactiveColor } from '../../app/theme';
import { SaveError } from '../../components/SaveError';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors, type ValidationIssue } from '../../lib/validation';

export { SaveError };

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const statusColors: Record<CampaignStatus, string> = {
  draft: inactiveColor,
  active: 'blue.9',
  closed: activeColor,
  cancelled: 'red.9',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={statusColors[status]} tt="none">
      {t(`fundraising.status.${status}`)}
    </Badge>
  );
}

/** Raised against target: a bar with the figures written out (the bar alone says nothing to a screen reader). */
export function CampaignProgress({
  raisedRupiah,
  targetRupiah,
  size = 'lg',
}: {
  raisedRupiah: number;
  targetRupiah: number;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const percent = progressPercent({ raisedRupiah, targetRupiah });
  const exact = targetRupiah > 0 ? Math.floor((raisedRupiah * 100) / targetRupiah) : 0;
  const text = t('fundraising.progress', {
    raised: formatRupiah(raisedRupiah),
    target: formatRupiah(targetRupiah),
    percent: exact,
  });
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        size={size}
        color={exact >= 100 ? activeColor : 'blue.8'}
        aria-label={t('fundraising.progressLabel')}
        aria-valuetext={text}
      />
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{text}</Text>
        {exact > 100 && (
          <Badge variant="filled" color={activeColor} tt="none">
            {t('fundraising.overTarget')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** Whole rupiah, grouped the Indonesian way, no decimals, no negatives. */
export function RupiahInput(props: Omit<NumberInputProps, 'allowDecimal' | 'allowNegative'>) {
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      prefix="Rp "
      hideControls
      inputMode="numeric"
      {...props}
    />
  );
}

/** A NumberInput value as whole rupiah, or undefined when empty (the schema then says "required"). */
export const rupiahValue = (v: string | number): number | undefined =>
  v === '' || v === null || v === undefined ? undefined : Number(v);

/** Today on this device's calendar, as `YYYY-MM-DD`. */
export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Zod issues and the domain's rule problems as form errors, one per field, in the UI language. */
export const formErrors = (
  issues: readonly ValidationIssue[],
  values: unknown,
  problems: readonly FundraisingRuleProblem[],
  t: Translate,
): Record<string, string> => {
  const errors = issuesToFormErrors(issues, values, t);
  const lang = currentLanguage();
  for (const p of problems) if (!(p.path in errors)) errors[p.path] = fundraisingRuleMessage(p, lang);
  return errors;
};

/** Runs a save, mapping the server's `fields` to form errors and keeping any other failure. */
export function useSave(setErrors: (e: Record<string, string>) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) setErrors(fieldErrorsToForm(e.fields));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}

/** A modal form for one action on a campaign: fields, the server's error, cancel and submit. */
export function FundraisingModal({
  opened,
  title,
  submitLabel,
  submitColor,
  busy,
  error,
  onSubmit,
  onClose,
  onReload,
  size,
  children,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitColor?: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  onReload?: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  /** On a phone the form takes the whole screen: long stories need the room. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size={size ?? 'lg'}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <SaveError
            error={error}
            onReload={
              onReload
                ? () => {
                    onClose();
                    onReload();
                  }
                : undefined
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
