import { moveInput, type Outreach, type Stay, type StayKind, stayKinds } from '@atensi/domain';
import {
  Alert,
  Checkbox,
  Loader,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { centerQueryOptions } from '../centers/api';
import { activePartnersQueryOptions, moveCase, shelterListQueryOptions } from './api';
import { FormModal, localToday, stayLabel, useDateLabel } from './OutreachParts';

/** Whom to move: a person found on an outreach run, or the person of a case on the case page. */
export type MovePerson = Pick<Outreach['people'][number], 'caseId' | 'fullName'> & { current: Stay | null };

type Values = {
  to: StayKind | '';
  shelterId: string;
  partnerId: string | null;
  date: string;
  note: string;
};

/**
 * "Pindahkan": to a TPS (full ones cannot be chosen), an LKS, the balai (takes a bed), or back
 * to the family or community. The server's 409 (full shelter, full LKS, no free bed, closed
 * case) shows as is. Used on the outreach run page and on the case page.
 */
export function MoveModal({
  centerId,
  person,
  onClose,
}: {
  /** The case's balai: its shelters, partners and beds are offered. */
  centerId: string;
  person: MovePerson;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dateLabel = useDateLabel();
  const queryClient = useQueryClient();
  const current = person.current;
  const today = localToday();
  const f = useSchemaForm<Values>({
    to: current ? '' : 'shelter',
    shelterId: '',
    partnerId: null,
    date: current && today < current.startedOn ? current.startedOn : today,
    note: '',
  });
  const v = f.values;

  const submit = () => {
    const raw = {
      to: v.to || undefined,
      shelterId: v.to === 'shelter' ? v.shelterId || null : null,
      partnerId: v.to === 'partner' ? v.partnerId : null,
      date: v.date,
      note: v.note.trim() || null,
    };
    void f.submit(moveInput, raw, async (input) => {
      const stays = await moveCase(person.caseId, input);
      const now = stays.find((s) => s.endedOn === null) ?? null;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['outreach'] }),
        queryClient.invalidateQueries({ queryKey: ['centers', 'detail'] }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'detail', person.caseId] }),
      ]);
      notify({
        color: 'green',
        message: t('outreach.move.moved', { name: person.fullName, place: stayLabel(now, t) }),
      });
      onClose();
    });
  };

  return (
    <FormModal
      size="lg"
      title={t('outreach.move.title', { name: person.fullName })}
      submitLabel={t('outreach.move.submit')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {current
          ? t('outreach.move.current', { place: stayLabel(current, t), date: dateLabel(current.startedOn) })
          : t('outreach.move.notPlaced')}
      </Text>
      <Radio.Group
        label={t('outreach.move.to')}
        required
        value={v.to}
        onChange={(value) => f.set('to', value as StayKind)}
        error={f.errors.to}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
          {stayKinds.map((k) => (
            <Radio key={k} value={k} label={t(`outreach.move.toOption.${k}`)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {v.to === 'shelter' && (
        <ShelterChoice
          centerId={centerId}
          currentShelterId={current?.kind === 'shelter' ? current.placeId : null}
          value={v.shelterId}
          onChange={(id) => f.set('shelterId', id)}
          error={f.errors.shelterId}
        />
      )}
      {v.to === 'partner' && (
        <PartnerChoice
          centerId={centerId}
          value={v.partnerId}
          onChange={(id) => f.set('partnerId', id)}
          error={f.errors.partnerId}
        />
      )}
      {v.to === 'center' && <BedInfo centerId={centerId} />}
      <TextInput
        type="date"
        label={t('outreach.move.date')}
        required
        min={current?.startedOn}
        value={v.date}
        onChange={(e) => f.set('date', e.currentTarget.value)}
        error={f.errors.date}
      />
      <Textarea
        label={t('outreach.move.note')}
        autosize
        minRows={2}
        maxLength={1000}
        value={v.note}
        onChange={(e) => f.set('note', e.currentTarget.value)}
        error={f.errors.note}
      />
    </FormModal>
  );
}

/** The centre's open shelters as "GOR Patriot — 2/50"; full ones and the current one cannot be chosen. */
function ShelterChoice({
  centerId,
  currentShelterId,
  value,
  onChange,
  error,
}: {
  centerId: string;
  currentShelterId: string | null;
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  // Always fresh: occupancy changes with every move.
  const shelters = useQuery({
    ...shelterListQueryOptions({ centerId, page: 1, pageSize: 100 }),
    placeholderData: undefined,
    refetchOnMount: 'always',
  });
  const items = shelters.data?.items ?? [];
  if (shelters.isSuccess && items.length === 0) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
        {t('outreach.move.noShelters')}
      </Alert>
    );
  }
  const option = (s: (typeof items)[number]) => {
    const args = { name: s.name, occupied: s.occupied, capacity: s.capacity };
    if (s.id === currentShelterId)
      return { value: s.id, label: t('outreach.move.shelterHere', args), disabled: true };
    if (s.occupied >= s.capacity)
      return { value: s.id, label: t('outreach.move.shelterFull', args), disabled: true };
    return { value: s.id, label: t('outreach.move.shelterOption', args) };
  };
  return (
    <NativeSelect
      label={t('outreach.move.shelter')}
      required
      data={[{ value: '', label: t('outreach.move.chooseShelter') }, ...items.map(option)]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? (shelters.error ? t('errors.loadFailed') : undefined)}
      rightSection={shelters.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      disabled={shelters.isPending}
    />
  );
}

/** Active LKS, by default those working with the run's balai; type to search by name. */
function PartnerChoice({
  centerId,
  value,
  onChange,
  error,
}: {
  centerId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [everywhere, setEverywhere] = useState(false);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const term = debounced === chosen?.label ? '' : debounced.trim();
  const partners = useQuery(
    activePartnersQueryOptions({ q: term || undefined, centerId: everywhere ? undefined : centerId }),
  );
  const options = useMemo(() => {
    const list = (partners.data?.items ?? []).map((p) => ({
      value: p.id,
      label:
        p.capacity === null
          ? p.name
          : t('outreach.move.partnerOption', { name: p.name, capacity: p.capacity }),
    }));
    if (chosen && chosen.value === value && !list.some((o) => o.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [partners.data, chosen, value, t]);
  return (
    <Stack gap={6}>
      <Select
        label={t('outreach.move.partner')}
        placeholder={t('outreach.move.partnerPlaceholder')}
        required
        data={options}
        value={value}
        onChange={(v, option) => {
          setChosen(v && option ? { value: v, label: option.label } : null);
          onChange(v);
        }}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        nothingFoundMessage={partners.isFetching ? t('common.loading') : t('outreach.move.noPartners')}
        rightSection={partners.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox
        size="xs"
        label={t('outreach.move.otherCenters')}
        checked={everywhere}
        onChange={(e) => setEverywhere(e.currentTarget.checked)}
      />
    </Stack>
  );
}

/** The balai's beds before taking one: the server refuses when none is free. */
function BedInfo({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const center = useQuery({ ...centerQueryOptions(centerId), refetchOnMount: 'always' });
  if (!center.data) return center.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null;
  const c = center.data;
  const args = { name: c.name, occupied: c.occupiedBeds, capacity: c.bedCapacity };
  return c.occupiedBeds >= c.bedCapacity ? (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
      {t('outreach.move.bedsFull', args)}
    </Alert>
  ) : (
    <Text size="sm">{t('outreach.move.beds', args)}</Text>
  );
}
