import { formatDate, mergePersonsInput, type Person } from '@atensi/domain';
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { notify } from '../../components/notify';
import { errorMessage } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { duplicatesQueryOptions, mergePersons, personQueryOptions } from './api';
import { CandidateSummary } from './DuplicatePanel';
import { birthLabel, lineageLabel } from './personFormat';
import { duplicateQueryForPerson } from './personFormValues';

/**
 * "Gabungkan data ganda" (centre heads): find duplicates of this person, pick one, compare
 * them side by side, say why and which record stays. Both versions go to the server, so the
 * other record is opened (its reading is audited) to learn its version.
 */
export function MergeModal({
  opened,
  onClose,
  person,
}: {
  opened: boolean;
  onClose: () => void;
  person: Person;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [otherId, setOtherId] = useState<string | null>(null);
  const [survivor, setSurvivor] = useState<'this' | 'other'>('this');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = useQuery({ ...duplicatesQueryOptions(opened ? duplicateQueryForPerson(person) : null) });
  const other = useQuery({ ...personQueryOptions(otherId ?? ''), enabled: opened && otherId !== null });

  const close = () => {
    setOtherId(null);
    setSurvivor('this');
    setReason('');
    setReasonError(null);
    setServerError(null);
    onClose();
  };

  const submit = async () => {
    const o = other.data;
    if (!o) return;
    const keep = survivor === 'this' ? person : o;
    const fold = survivor === 'this' ? o : person;
    const input = {
      survivorId: keep.id,
      mergedId: fold.id,
      survivorVersion: keep.version,
      mergedVersion: fold.version,
      reason,
    };
    const parsed = mergePersonsInput.safeParse(input);
    if (!parsed.success) {
      setReasonError(issuesToFormErrors(parsed.error.issues, input, t).reason ?? t('validation.invalid'));
      return;
    }
    setReasonError(null);
    setServerError(null);
    setBusy(true);
    try {
      const saved = await mergePersons(parsed.data);
      queryClient.setQueryData(personQueryOptions(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
      await queryClient.invalidateQueries({ queryKey: ['persons', 'duplicates'] });
      void queryClient.invalidateQueries({ queryKey: personQueryOptions(fold.id).queryKey });
      notify({ color: 'green', message: t('persons.merge.done') });
      close();
      await navigate({ to: '/penerima-manfaat/$id', params: { id: saved.id } });
    } catch (error) {
      if (isApiError(error) && error.code.endsWith('version_conflict')) {
        setServerError(t('persons.merge.conflict'));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: personQueryOptions(person.id).queryKey }),
          other.refetch(),
        ]);
      } else {
        setServerError(errorMessage(error, t('errors.generic')));
      }
    } finally {
      setBusy(false);
    }
  };

  const list = candidates.data ?? [];

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('persons.merge.title')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('persons.merge.intro')}</Text>
        {candidates.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : candidates.error ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {errorMessage(candidates.error, t('errors.generic'))}
          </Alert>
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('persons.merge.none')}
          </Text>
        ) : (
          <Radio.Group
            label={t('persons.merge.candidates')}
            value={otherId}
            onChange={(id) => {
              setOtherId(id);
              setServerError(null);
            }}
          >
            <Stack gap="xs" mt={6}>
              {list.map((c) => (
                <Paper key={c.person.id} withBorder p="xs">
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <Radio
                      value={c.person.id}
                      aria-label={t('persons.merge.choose', { name: c.person.fullName })}
                      mt={4}
                    />
                    <CandidateSummary candidate={c} newTab />
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
        )}

        {otherId &&
          (other.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : other.error || !other.data ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('persons.merge.otherFailed')} {errorMessage(other.error, '')}
            </Alert>
          ) : (
            <>
              <Comparison a={person} b={other.data} />
              <Radio.Group
                label={t('persons.merge.survivor')}
                required
                value={survivor}
                onChange={(v) => setSurvivor(v === 'other' ? 'other' : 'this')}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="this" label={t('persons.merge.survivorThis', { name: person.fullName })} />
                  <Radio
                    value="other"
                    label={t('persons.merge.survivorOther', { name: other.data.fullName })}
                  />
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('persons.merge.reason')}
                description={t('persons.merge.reasonHint')}
                required
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={reasonError}
              />
            </>
          ))}

        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {serverError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={busy}
            disabled={!other.data || !otherId}
            onClick={() => void submit()}
          >
            {t('persons.merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Both records side by side, full data (the head may read both). */
function Comparison({ a, b }: { a: Person; b: Person }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const none = t('common.none');
  const nik = (p: Person) =>
    p.nik ?? (p.nikUnknownReason ? t(`persons.nikUnknownReason.${p.nikUnknownReason}`) : none);
  const rows: [string, (p: Person) => ReactNode][] = [
    [t('persons.fields.fullName'), (p) => p.fullName],
    [t('persons.fields.aliases'), (p) => (p.aliases.length ? p.aliases.join(', ') : none)],
    [t('persons.fields.nik'), nik],
    [t('persons.fields.kkNumber'), (p) => p.kkNumber ?? none],
    [t('persons.fields.sex'), (p) => t(`persons.sex.${p.sex}`)],
    [t('persons.fields.birthDate'), (p) => birthLabel(p, t, lang)],
    [t('persons.fields.birthPlace'), (p) => p.birthPlace ?? none],
    [t('persons.fields.region'), (p) => lineageLabel(p.regionLineage, p.regionCode)],
    [t('persons.fields.street'), (p) => p.street ?? none],
    [t('persons.fields.phone'), (p) => p.phone ?? none],
    [t('persons.sections.family'), (p) => String(p.family.length)],
    [t('persons.fields.createdAt'), (p) => formatDate(p.createdAt, 'WIB', lang)],
  ];
  return (
    <Table.ScrollContainer minWidth={480} type="native">
      <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label={t('persons.merge.compare')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('persons.merge.field')}</Table.Th>
            <Table.Th scope="col">{t('persons.merge.thisRecord')}</Table.Th>
            <Table.Th scope="col">{t('persons.merge.otherRecord')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, get]) => {
            const x = get(a);
            const y = get(b);
            const differs = typeof x === 'string' && typeof y === 'string' && x !== y;
            return (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={600}>
                  {label}
                </Table.Th>
                <Table.Td fw={differs ? 700 : undefined}>{x}</Table.Td>
                <Table.Td fw={differs ? 700 : undefined}>{y}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
