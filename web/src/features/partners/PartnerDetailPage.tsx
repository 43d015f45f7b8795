import { formatDate, type Partner } from '@atensi/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconLink, IconPencil, IconPower, IconUnlink } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../../api/client';
import { can, useMe } from '../../api/me';
import { activeColor } from '../../app/theme';
import { ButtonLink } from '../../components/ButtonLink';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from '../persons/AnchorLink';
import {
  addPartnerMember,
  partnerQueryOptions,
  partnerUsersQueryOptions,
  removePartnerMember,
  setPartnerActive,
} from './api';
import { ActiveBadge, accreditationExpired, ExpiredBadge } from './PartnerParts';
import { canManagePartner } from './partnerFormValues';

const route = getRouteApi('/app/lks/$id');

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

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const partner = useQuery(partnerQueryOptions(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/lks" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('partners.listTitle')}
        </Group>
      </Anchor>
      <QueryState query={partner} rows={8}>
        {(p) => <PartnerDetailView partner={p} onReload={() => void partner.refetch()} />}
      </QueryState>
    </Stack>
  );
}

function PartnerDetailView({ partner: p, onReload }: { partner: Partner; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  /** The state to set, fixed when the dialog opens (so its words do not flip while it closes). */
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const manage = canManagePartner(me, p.centerId);
  const none = t('common.none');

  const onSaved = (saved: Partner) => {
    queryClient.setQueryData(partnerQueryOptions(p.id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: ['partners', 'list'] });
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {p.name} <ActiveBadge active={p.active} />
          </>
        }
        actions={
          manage && (
            <>
              <ButtonLink
                to="/lks/$id/ubah"
                params={{ id: p.id }}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
              <Button
                variant="default"
                leftSection={<IconPower size={16} aria-hidden />}
                onClick={() => setConfirming(!p.active)}
              >
                {p.active ? t('partners.deactivate') : t('partners.activate')}
              </Button>
            </>
          )
        }
      />
      <Block title={t('partners.sections.identity')}>
        <Field label={t('partners.fields.name')}>{p.name}</Field>
        <Field label={t('partners.fields.kind')}>{t(`partners.kind.${p.kind}`)}</Field>
        <Field label={t('partners.fields.center')}>
          <AnchorLink to="/balai/$id" params={{ id: p.centerId }} size="sm">
            {p.centerName}
          </AnchorLink>
        </Field>
        <Field label={t('partners.fields.status')}>
          {p.active ? t('partners.active') : t('partners.inactive')}
        </Field>
      </Block>
      <Block title={t('partners.sections.address')}>
        <Field label={t('partners.fields.address')}>{p.address ?? none}</Field>
        <Field label={t('partners.fields.region')}>{p.regionName ?? p.regionCode}</Field>
        <Field label={t('partners.fields.contactName')}>{p.contactName ?? none}</Field>
        <Field label={t('partners.fields.phone')}>
          {p.phone ? <Anchor href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</Anchor> : none}
        </Field>
        <Field label={t('partners.fields.email')}>
          {p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : none}
        </Field>
      </Block>
      <Block title={t('partners.sections.services')}>
        <Field label={t('partners.fields.services')}>
          {p.services.map((s) => t(`cluster.${s}`)).join(', ')}
        </Field>
        <Field label={t('partners.fields.capacity')}>
          {p.capacity === null
            ? t('partners.noCapacity')
            : t('partners.capacityValue', { count: p.capacity })}
        </Field>
        <Field label={t('partners.fields.accreditation')}>
          {t(`partners.accreditation.${p.accreditation}`)}
        </Field>
        <Field label={t('partners.fields.accreditedUntil')}>
          {p.accreditedUntil ? (
            <>
              {formatDate(p.accreditedUntil, 'WIB', lang)} {accreditationExpired(p) && <ExpiredBadge />}
            </>
          ) : (
            none
          )}
        </Field>
      </Block>
      <MembersSection partner={p} onSaved={onSaved} />
      {manage && (
        <ActiveModal
          partner={p}
          next={confirming}
          onClose={() => setConfirming(null)}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
    </>
  );
}

/** Activation and deactivation with the record's version; a conflict offers to reload. */
function ActiveModal({
  partner: p,
  next: target,
  onClose,
  onSaved,
  onReload,
}: {
  partner: Partner;
  /** `true` to activate, `false` to deactivate, `null` while closed. */
  next: boolean | null;
  onClose: () => void;
  onSaved: (p: Partner) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState(target ?? false);
  if (target !== null && target !== shown) setShown(target);
  const next = target ?? shown;
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await setPartnerActive(p.id, next, p.version));
      notify({
        color: 'green',
        message: next ? t('partners.activatedNotice') : t('partners.deactivatedNotice'),
      });
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const conflict = isVersionConflict(error);
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={next ? t('partners.activateTitle') : t('partners.deactivateTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">
          {next
            ? t('partners.activateBody', { name: p.name })
            : t('partners.deactivateBody', { name: p.name })}
        </Text>
        {error !== null && (
          <Alert color="red" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {conflict ? t('partners.conflict') : errorMessage(error, t('errors.generic'))}
              </Text>
              {conflict && (
                <Button
                  size="xs"
                  color="red.9"
                  onClick={() => {
                    close();
                    onReload();
                  }}
                >
                  {t('partners.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={next ? activeColor : 'red.9'} loading={busy} onClick={() => void confirm()}>
            {next ? t('partners.activate') : t('partners.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The staff accounts linked to the institution; the administrator links and unlinks them. */
function MembersSection({ partner: p, onSaved }: { partner: Partner; onSaved: (p: Partner) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canLink = can(me, 'partner.members');
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      onSaved(await removePartnerMember(p.id, removing.userId));
      notify({ color: 'green', message: t('partners.members.removed') });
      setRemoving(null);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="partner-members">
      <Title order={2} size="h4" mb="xs" id="partner-members">
        {t('partners.members.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('partners.members.hint')}
      </Text>
      {p.members.length === 0 ? (
        <Text size="sm">{t('partners.members.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="partner-members"
        >
          {p.members.map((m) => (
            <Group component="li" key={m.userId} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{m.name}</Text>
              {canLink && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconUnlink size={14} aria-hidden />}
                  aria-label={t('partners.members.removeLabel', { name: m.name })}
                  onClick={() => setRemoving(m)}
                >
                  {t('partners.members.remove')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canLink && <AddMember partner={p} onSaved={onSaved} />}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('partners.members.removeTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">
            {t('partners.members.removeBody', { name: removing?.name ?? '', partner: p.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={busy} onClick={() => void remove()}>
              {t('partners.members.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function AddMember({ partner: p, onSaved }: { partner: Partner; onSaved: (p: Partner) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  // Choosing an option writes its label into the search box: that is no new search.
  const term = debounced === chosenLabel ? '' : debounced.trim();
  const users = useQuery(partnerUsersQueryOptions(term));
  const options = useMemo(() => {
    const list = (users.data?.items ?? [])
      .filter((u) => !p.members.some((m) => m.userId === u.id))
      .map((u) => {
        const centre = u.roles.find((r) => r.role === 'partner')?.centerName;
        return {
          value: u.id,
          label: `${u.name} (${u.username ?? u.email})${centre ? ` — ${centre}` : ''}`,
        };
      });
    if (userId && chosenLabel && !list.some((o) => o.value === userId)) {
      list.unshift({ value: userId, label: chosenLabel });
    }
    return list;
  }, [users.data, p.members, userId, chosenLabel]);

  const add = async () => {
    if (!userId) {
      setError(t('validation.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await addPartnerMember(p.id, userId));
      notify({ color: 'green', message: t('partners.members.added') });
      setUserId(null);
      setChosenLabel(null);
      setSearch('');
    } catch (err) {
      setError(errorMessage(err, t('errors.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group align="flex-end" mt="md" gap="sm" wrap="wrap">
      <Select
        label={t('partners.members.user')}
        placeholder={t('partners.members.userPlaceholder')}
        data={options}
        value={userId}
        onChange={(v, option) => {
          setUserId(v);
          setChosenLabel(v && option ? option.label : null);
          setError(null);
        }}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        nothingFoundMessage={users.isFetching ? t('common.loading') : t('common.noResults')}
        rightSection={users.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
        error={error}
        style={{ flex: '1 1 260px' }}
      />
      <Button leftSection={<IconLink size={16} aria-hidden />} loading={busy} onClick={() => void add()}>
        {t('partners.members.add')}
      </Button>
    </Group>
  );
}
