import { formatDateTime, type Person, regionLevels, relationships } from '@atensi/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconFolderPlus,
  IconGitMerge,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { ButtonLink } from '../../components/ButtonLink';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from './AnchorLink';
import { addFamilyMember, personQueryOptions, removeFamilyMember } from './api';
import { MergeModal } from './MergeModal';
import { PersonSearchSelect } from './PersonSearchSelect';
import { ageLabel, birthLabel } from './personFormat';

const route = getRouteApi('/app/penerima-manfaat/$id');

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        {children}
      </SimpleGrid>
    </Card>
  );
}

export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const person = useQuery(personQueryOptions(id));
  return (
    <RequirePermission permission="person.read">
      <Stack gap="md">
        <Anchor component={Link} to="/penerima-manfaat" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('nav.persons')}
          </Group>
        </Anchor>
        <QueryState query={person} rows={8}>
          {(p) => <PersonDetail person={p} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function PersonDetail({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const [merging, { open: openMerge, close: closeMerge }] = useDisclosure(false);
  const none = t('common.none');
  const merged = p.mergedIntoId !== null;
  const canUpdate = can(me, 'person.update') && !merged;

  return (
    <>
      <PageHeader
        title={p.fullName}
        actions={
          <>
            {canUpdate && (
              <ButtonLink
                to="/penerima-manfaat/$id/ubah"
                params={{ id: p.id }}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            )}
            {can(me, 'case.create') && !merged && (
              <ButtonLink
                to="/penerima-manfaat/$id/kasus-baru"
                params={{ id: p.id }}
                variant="default"
                leftSection={<IconFolderPlus size={16} aria-hidden />}
              >
                {t('cases.create.action')}
              </ButtonLink>
            )}
            {can(me, 'person.merge') && !merged && (
              <Button
                variant="default"
                leftSection={<IconGitMerge size={16} aria-hidden />}
                onClick={openMerge}
              >
                {t('persons.merge.action')}
              </Button>
            )}
          </>
        }
      />
      {p.mergedIntoId && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('persons.mergedInto')}</Text>
            <AnchorLink to="/penerima-manfaat/$id" params={{ id: p.mergedIntoId }} fw={600}>
              {t('persons.openSurvivor')}
            </AnchorLink>
          </Stack>
        </Alert>
      )}
      <Block title={t('persons.sections.identity')}>
        <Field label={t('persons.fields.nik')}>
          {p.nik ?? (
            <>
              {t('persons.fields.nikUnknown')}
              {p.nikUnknownReason && ` (${t(`persons.nikUnknownReason.${p.nikUnknownReason}`)})`}
            </>
          )}
        </Field>
        <Field label={t('persons.fields.kkNumber')}>{p.kkNumber ?? none}</Field>
        <Field label={t('persons.fields.fullName')}>{p.fullName}</Field>
        <Field label={t('persons.fields.aliases')}>{p.aliases.length ? p.aliases.join(', ') : none}</Field>
        <Field label={t('persons.fields.sex')}>{t(`persons.sex.${p.sex}`)}</Field>
        <Field label={p.birthDate ? t('persons.fields.birthDate') : t('persons.fields.birthYearEstimate')}>
          {birthLabel(p, t, lang)}
        </Field>
        <Field label={t('persons.fields.age')}>{ageLabel(p, t)}</Field>
        <Field label={t('persons.fields.birthPlace')}>{p.birthPlace ?? none}</Field>
        {p.nikWarningsConfirmed && (
          <Field label={t('persons.nikWarningsTitle')}>{t('persons.fields.nikWarningsConfirmed')}</Field>
        )}
      </Block>
      <Block title={t('persons.sections.address')}>
        {p.regionLineage.length === 0 ? (
          <Field label={t('persons.fields.region')}>{p.regionCode}</Field>
        ) : (
          p.regionLineage.map((r, i) => (
            <Field key={r.code} label={t(`region.${regionLevels[i] ?? 'village'}`)}>
              {r.name}
            </Field>
          ))
        )}
        <Field label={`${t('persons.fields.rt')} / ${t('persons.fields.rw')}`}>
          {p.rt || p.rw ? `${p.rt ?? none} / ${p.rw ?? none}` : none}
        </Field>
        <Field label={t('persons.fields.street')}>{p.street ?? none}</Field>
      </Block>
      <Block title={t('persons.sections.contact')}>
        <Field label={t('persons.fields.phone')}>{p.phone ?? none}</Field>
      </Block>
      <Block title={t('persons.sections.disability')}>
        <Field label={t('persons.fields.disabilityTypes')}>
          {p.disabilityTypes.length
            ? p.disabilityTypes.map((d) => t(`persons.disability.${d}`)).join(', ')
            : none}
        </Field>
      </Block>
      <Block title={t('persons.sections.dtks')}>
        <Field label={t('persons.fields.dtksStatus')}>{t(`persons.dtks.${p.dtksStatus}`)}</Field>
        {p.dtksStatus === 'registered' && (
          <Field label={t('persons.fields.dtksDecile')}>
            {p.dtksDecile === null ? none : String(p.dtksDecile)}
          </Field>
        )}
      </Block>
      <Block title={t('persons.sections.legal')}>
        <Field label={t('persons.fields.legalBasis')}>{t(`persons.legalBasis.${p.legalBasis}`)}</Field>
        <Field label={t('persons.fields.consentBy')}>
          {p.consentBy ? t(`persons.consentBy.${p.consentBy}`) : none}
        </Field>
        {p.consentGuardianName && (
          <Field label={t('persons.fields.consentGuardianName')}>{p.consentGuardianName}</Field>
        )}
      </Block>
      <FamilySection person={p} canUpdate={canUpdate} />
      <ServedElsewhereSection person={p} />
      <Card withBorder component="section">
        <Title order={2} size="h4" mb="sm">
          {t('persons.sections.merges')}
        </Title>
        {p.mergedFrom.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('persons.merges.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {p.mergedFrom.map((m) => (
              <li key={m.id}>
                <Group gap="xs" wrap="wrap">
                  <AnchorLink to="/penerima-manfaat/$id" params={{ id: m.id }} size="sm">
                    {m.fullName}
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {t('persons.merges.mergedAt', { date: formatDateTime(m.mergedAt, 'WIB', lang) })}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Card>
      <Block title={t('persons.sections.record')}>
        <Field label={t('persons.fields.createdAt')}>{formatDateTime(p.createdAt, 'WIB', lang)}</Field>
        <Field label={t('persons.fields.updatedAt')}>{formatDateTime(p.updatedAt, 'WIB', lang)}</Field>
        <Field label={t('persons.fields.version')}>{String(p.version)}</Field>
      </Block>
      {can(me, 'person.merge') && !merged && <MergeModal opened={merging} onClose={closeMerge} person={p} />}
    </>
  );
}

/**
 * The other balai serving this person in a case (each reads the full record): so the
 * registering centre sees where else the person is served, opened with proof or by transfer.
 */
function ServedElsewhereSection({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const titleId = 'person-served-elsewhere';
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('persons.sections.servedElsewhere')}
      </Title>
      {p.servedElsewhere.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('persons.servedElsewhere.empty')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('persons.servedElsewhere.listLabel')}
        >
          {p.servedElsewhere.map((s) => (
            <li key={`${s.caseNumber ?? 'confidential'}-${s.openedAt}`}>
              <Text size="sm">
                {s.confidential
                  ? t('persons.servedElsewhere.confidential', {
                      date: formatDateTime(s.openedAt, 'WIB', lang),
                    })
                  : t('persons.servedElsewhere.item', {
                      center: s.centerName ?? '',
                      number: s.caseNumber ?? '',
                      date: formatDateTime(s.openedAt, 'WIB', lang),
                    })}
                {s.closedAt &&
                  ` · ${t('persons.servedElsewhere.closed', { date: formatDateTime(s.closedAt, 'WIB', lang) })}`}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function FamilySection({ person: p, canUpdate }: { person: Person; canUpdate: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, { open, close }] = useDisclosure(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = (updated: Person) => {
    queryClient.setQueryData(personQueryOptions(p.id).queryKey, updated);
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      apply(await removeFamilyMember(p.id, removing.id));
      void queryClient.invalidateQueries({ queryKey: personQueryOptions(removing.id).queryKey });
      notify({ color: 'green', message: t('persons.family.removed') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <Card withBorder component="section">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('persons.sections.family')}
        </Title>
        {canUpdate && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {t('persons.family.add')}
          </Button>
        )}
      </Group>
      {p.family.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('persons.family.empty')}
        </Text>
      ) : (
        <Table aria-label={t('persons.family.listLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('persons.fields.fullName')}</Table.Th>
              <Table.Th scope="col">{t('persons.family.relationship')}</Table.Th>
              {canUpdate && (
                <Table.Th scope="col" w={60}>
                  {t('common.actions')}
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.family.map((f) => (
              <Table.Tr key={f.relatedPersonId}>
                <Table.Td>
                  <AnchorLink to="/penerima-manfaat/$id" params={{ id: f.relatedPersonId }} size="sm">
                    {f.fullName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`persons.relationship.${f.relationship}`)}</Table.Td>
                {canUpdate && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      aria-label={t('persons.family.remove', { name: f.fullName })}
                      onClick={() => setRemoving({ id: f.relatedPersonId, name: f.fullName })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canUpdate && (
        <AddFamilyModal
          opened={adding}
          onClose={close}
          person={p}
          onAdded={(updated, relatedId) => {
            apply(updated);
            void queryClient.invalidateQueries({ queryKey: personQueryOptions(relatedId).queryKey });
          }}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('persons.family.removeTitle')}
        body={t('persons.family.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('persons.family.removeConfirm')}
        loading={busy}
        onConfirm={() => void remove()}
      />
    </Card>
  );
}

function AddFamilyModal({
  opened,
  onClose,
  person: p,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  person: Person;
  onAdded: (updated: Person, relatedId: string) => void;
}) {
  const { t } = useTranslation();
  const [relatedId, setRelatedId] = useState<string | null>(null);
  const [relationship, setRelationship] = useState('');
  const [errors, setErrors] = useState<{ person?: string; relationship?: string; server?: string }>({});
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setRelatedId(null);
    setRelationship('');
    setErrors({});
  };

  const submit = async () => {
    const next: typeof errors = {};
    if (!relatedId) next.person = t('validation.required');
    if (!relationship) next.relationship = t('validation.required');
    setErrors(next);
    if (!relatedId || !relationship) return;
    setBusy(true);
    try {
      const updated = await addFamilyMember(p.id, relatedId, relationship);
      onAdded(updated, relatedId);
      notify({ color: 'green', message: t('persons.family.added') });
      reset();
      onClose();
    } catch (error) {
      setErrors({ server: errorMessage(error, t('errors.generic')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('persons.family.addTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <PersonSearchSelect
            label={t('persons.family.person')}
            description={t('persons.family.personHint')}
            required
            value={relatedId}
            onChange={(person) => setRelatedId(person?.id ?? null)}
            excludeIds={[p.id, ...p.family.map((f) => f.relatedPersonId)]}
            error={errors.person}
          />
          <NativeSelect
            label={t('persons.family.relationship')}
            required
            data={[
              { value: '', label: t('persons.choose') },
              ...relationships.map((r) => ({ value: r, label: t(`persons.relationship.${r}`) })),
            ]}
            value={relationship}
            onChange={(e) => setRelationship(e.currentTarget.value)}
            error={errors.relationship}
          />
          {errors.server && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {errors.server}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
