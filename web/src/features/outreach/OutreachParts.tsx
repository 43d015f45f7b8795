import { formatDate, type Me, type Stay, type StayKind } from '@atensi/domain';
import { Badge, Button, Group, Modal, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor, inactiveColor } from '../../app/theme';
import { CenterSelect } from '../../components/CenterSelect';
import { currentLanguage } from '../../i18n';

export { Field } from '../../components/Field';

import { SaveError } from '../../components/SaveError';

export { SaveError };

/** `YYYY-MM-DD` of today on this device's calendar. */
export const localToday = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** `3 Mei 2026` for a `YYYY-MM-DD` date (a calendar date: the same day in every Indonesian zone). */
export const useDateLabel = () => {
  const lang = currentLanguage();
  return (date: string) => formatDate(date, 'WIB', lang);
};

/** The centres where the user works outreach (social worker or head), without repeats. */
export const outreachCenters = (me: Pick<Me, 'roles'>): { id: string; name: string }[] => {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if ((r.role === 'social_worker' || r.role === 'center_head') && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const stayColors: Record<StayKind, string> = {
  shelter: '#8a3c00',
  partner: 'violet.9',
  center: 'blue.9',
  family: activeColor,
  community: 'cyan.9',
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "TPS: GOR Patriot", "LKS: Bina Laras", "Balai Rehabilitasi Sosial …", "Keluarga", or "Belum ditempatkan". */
export const stayLabel = (stay: Pick<Stay, 'kind' | 'placeName'> | null, t: Translate): string => {
  if (!stay) return t('outreach.stay.none');
  const kind = t(`outreach.stay.kind.${stay.kind}`);
  if (stay.kind === 'family' || stay.kind === 'community') return kind;
  // "Balai Rehabilitasi Sosial …" already says what it is.
  if (stay.placeName.toLowerCase().startsWith(kind.toLowerCase())) return stay.placeName;
  return t('outreach.stay.place', { kind, name: stay.placeName });
};

export function StayBadge({ stay }: { stay: Pick<Stay, 'kind' | 'placeName'> | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      color={stay ? stayColors[stay.kind] : inactiveColor}
      tt="none"
      maw="100%"
      radius="sm"
      h="auto"
      mih="var(--badge-height)"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
    >
      {stayLabel(stay, t)}
    </Badge>
  );
}

/** "2 / 50" with a bar that turns red when full; the bar's name says the same in words. */
export function OccupancyBar({
  label,
  value,
  occupied,
  capacity,
}: {
  /** The accessible name of the bar. */
  label: string;
  /** The visible figure, e.g. "2 / 50 orang". */
  value: string;
  occupied: number;
  capacity: number;
}) {
  const { t } = useTranslation();
  const full = capacity > 0 && occupied >= capacity;
  const percent = capacity > 0 ? Math.min(100, Math.round((occupied / capacity) * 100)) : 100;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {value}
        </Text>
        {full && (
          <Badge variant="filled" color="red.9" tt="none" size="sm">
            {t('outreach.shelters.full')}
          </Badge>
        )}
      </Group>
      {/* The bar itself carries the figures, so it has a size (and is found) even when empty. */}
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={occupied}
        aria-valuetext={value}
      >
        <Progress.Section value={percent} color={full ? 'red.9' : 'blue.8'} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}

/** A modal form: the fields, the server's error and cancel/submit buttons. */
export function FormModal({
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <SaveError
            error={error}
            onReload={
              onReload &&
              (() => {
                onClose();
                onReload();
              })
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

/**
 * The centre filter of the outreach lists: nothing for a user of one centre, their centres for a
 * user of several, a searchable select of all centres for central staff. '' = all visible.
 */
export function CenterFilter({
  me,
  value,
  onChange,
}: {
  me: Pick<Me, 'roles'>;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const mine = outreachCenters(me);
  if (mine.length === 1) return null;
  if (mine.length > 1) {
    return (
      <NativeSelect
        label={t('outreach.filter.center')}
        data={[
          { value: '', label: t('outreach.filter.allMyCenters') },
          ...mine.map((c) => ({ value: c.id, label: c.name })),
        ]}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <CenterSelect
      label={t('outreach.filter.center')}
      placeholder={t('common.all')}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
