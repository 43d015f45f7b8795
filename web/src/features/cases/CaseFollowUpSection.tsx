import {
  type Case,
  type FollowUp,
  followUpConditions,
  followUpInput,
  followUpMethods,
  formatDate,
  isClosed,
} from '@atensi/domain';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor } from '../../app/theme';
import { notify } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { recordFollowUp } from './api';
import { CaseActionModal } from './CaseActionModal';
import { useSave } from './CaseForms';

type Method = (typeof followUpMethods)[number];
type Condition = (typeof followUpConditions)[number];
type Props = { value: Case; onSaved: (c: Case) => void; onReload: () => void };

/** Filled badges in dark shades (white text above 4.5:1). */
const conditionColors: Record<Condition, string> = {
  improved: activeColor,
  stable: 'blue.9',
  declined: 'red.9',
};

/** Today on this device's calendar (the visit date a worker means), as `YYYY-MM-DD`. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ConditionBadge({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={conditionColors[condition]} tt="none">
      {t(`cases.followUpCondition.${condition}`)}
    </Badge>
  );
}

/**
 * Bimbingan lanjut: the visits after closure, newest first. Shown once the case is closed (or
 * has visits); the first visit on a case in terminasi moves it to bimbingan lanjut.
 */
export function CaseFollowUpSection({ value: c, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!isClosed(c.stage) && c.followUps.length === 0) return null;
  const visits = [...c.followUps].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));

  return (
    <Card withBorder component="section" aria-labelledby="case-follow-up">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <Title order={2} size="h4" id="case-follow-up">
          {t('cases.followUp.title')}
        </Title>
        {c.can.recordFollowUp && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setOpened(true)}
          >
            {t('cases.followUp.record')}
          </Button>
        )}
      </Group>
      {c.stage === 'termination' && c.can.recordFollowUp && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('cases.followUp.firstHint')}
        </Text>
      )}
      {visits.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.followUp.empty')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('cases.followUp.listLabel')}
        >
          {visits.map((v) => (
            <Visit key={v.id} visit={v} />
          ))}
        </Stack>
      )}
      {c.can.recordFollowUp && (
        <FollowUpModal
          value={c}
          opened={opened}
          onClose={() => setOpened(false)}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
    </Card>
  );
}

function Visit({ visit: v }: { visit: FollowUp }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Card component="li" withBorder p="xs">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {formatDate(v.visitedOn, 'WIB', lang)}
        </Text>
        <Text size="sm">{t(`cases.followUpMethod.${v.method}`)}</Text>
        <ConditionBadge condition={v.condition} />
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {v.notes}
      </Text>
      {v.nextVisitOn && (
        <Text size="sm">
          {t('cases.followUp.nextVisit', { date: formatDate(v.nextVisitOn, 'WIB', lang) })}
        </Text>
      )}
      {v.recordedByName && (
        <Text size="xs" c="dimmed">
          {t('cases.followUp.recordedBy', { name: v.recordedByName })}
        </Text>
      )}
    </Card>
  );
}

type Values = {
  visitedOn: string;
  method: Method | '';
  condition: Condition | '';
  notes: string;
  nextVisitOn: string;
};

const emptyVisit = (): Values => ({
  visitedOn: localToday(),
  method: '',
  condition: '',
  notes: '',
  nextVisitOn: '',
});

function FollowUpModal({
  value: c,
  opened,
  onClose,
  onSaved,
  onReload,
}: Props & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(emptyVisit);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const set = <K extends keyof Values>(key: K, next: Values[K]) => setV((old) => ({ ...old, [key]: next }));
  const close = () => {
    setV(emptyVisit());
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const raw = {
      visitedOn: v.visitedOn,
      method: v.method || undefined,
      condition: v.condition || undefined,
      notes: v.notes,
      nextVisitOn: v.nextVisitOn || null,
      version: c.version,
    };
    const parsed = followUpInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await recordFollowUp(c.id, parsed.data));
      notify({ color: 'green', message: t('cases.followUp.saved') });
      close();
    });
  };

  return (
    <CaseActionModal
      opened={opened}
      title={t('cases.followUp.formTitle')}
      submitLabel={t('cases.followUp.save')}
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <TextInput
        type="date"
        label={t('cases.followUp.visitedOn')}
        required
        min={c.closedAt?.slice(0, 10)}
        max={localToday()}
        value={v.visitedOn}
        onChange={(e) => set('visitedOn', e.currentTarget.value)}
        error={errors.visitedOn}
      />
      <NativeSelect
        label={t('cases.followUp.method')}
        required
        data={[
          { value: '', label: t('persons.choose') },
          ...followUpMethods.map((m) => ({ value: m, label: t(`cases.followUpMethod.${m}`) })),
        ]}
        value={v.method}
        onChange={(e) => set('method', e.currentTarget.value as Method | '')}
        error={errors.method}
      />
      <NativeSelect
        label={t('cases.followUp.condition')}
        required
        data={[
          { value: '', label: t('persons.choose') },
          ...followUpConditions.map((k) => ({ value: k, label: t(`cases.followUpCondition.${k}`) })),
        ]}
        value={v.condition}
        onChange={(e) => set('condition', e.currentTarget.value as Condition | '')}
        error={errors.condition}
      />
      <Textarea
        label={t('cases.followUp.notes')}
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={v.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors.notes}
      />
      <TextInput
        type="date"
        label={t('cases.followUp.nextVisitOn')}
        min={v.visitedOn || undefined}
        value={v.nextVisitOn}
        onChange={(e) => set('nextVisitOn', e.currentTarget.value)}
        error={errors.nextVisitOn}
      />
    </CaseActionModal>
  );
}
