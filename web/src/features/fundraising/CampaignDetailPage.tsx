import { type Campaign, campaignAllows, disbursableRupiah, formatDate, formatRupiah } from '@atensi/domain';
import {
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconCash,
  IconCheck,
  IconExternalLink,
  IconPencil,
  IconPlayerPlay,
  IconShieldCheck,
  IconTrendingUp,
  IconX,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { AnchorLink } from '../persons/AnchorLink';
import { activateCampaign, campaignQueryOptions } from './api';
import {
  CampaignFormModal,
  CloseModal,
  ConsentModal,
  DisbursementModal,
  RaisedUpdateModal,
} from './CampaignForms';
import { CampaignProgress, CampaignStatusBadge, SaveError } from './CampaignParts';

const route = getRouteApi('/app/penggalangan-dana/$id');

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(campaignQueryOptions(id));
  return (
    <RequirePermission permission="fundraising.read">
      <Stack gap="md">
        <Anchor component={Link} to="/penggalangan-dana" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('fundraising.back')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(c) => <CampaignDetail value={c} onReload={() => void query.refetch()} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

type Dialog = 'edit' | 'consent' | 'activate' | 'update' | 'disburse' | 'close' | null;

/** One labelled value of a `<dl>`. */
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

function CampaignDetail({ value: c, onReload }: { value: Campaign; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [activating, setActivating] = useState(false);
  const [activateError, setActivateError] = useState<unknown>(null);
  const close = () => setDialog(null);
  const onSaved = (updated: Campaign) => {
    setActivateError(null);
    queryClient.setQueryData(campaignQueryOptions(c.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['fundraising', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['fundraising', 'by-case', c.caseId] });
  };
  const date = (d: string | null) => (d ? formatDate(d, 'WIB', lang) : t('common.none'));
  const manage = c.can.manage;

  const onActivate = async () => {
    setActivating(true);
    setActivateError(null);
    try {
      onSaved(await activateCampaign(c.id, c.version));
      notify({ color: 'green', message: t('fundraising.activate.done') });
      close();
    } catch (error) {
      close();
      setActivateError(error);
    } finally {
      setActivating(false);
    }
  };

  const modalProps = { onClose: close, onSaved, onReload, value: c };

  return (
    <>
      <PageHeader
        title={c.title}
        actions={
          manage && (
            <>
              {campaignAllows.edit(c.status) && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setDialog('edit')}
                >
                  {t('common.edit')}
                </Button>
              )}
              {campaignAllows.activate(c.status) && (
                <Button
                  leftSection={<IconPlayerPlay size={16} aria-hidden />}
                  onClick={() => setDialog('activate')}
                >
                  {t('fundraising.activate.action')}
                </Button>
              )}
              {campaignAllows.cancel(c.status) && (
                <Button
                  variant="default"
                  color="red.9"
                  leftSection={<IconX size={16} aria-hidden />}
                  onClick={() => setDialog('close')}
                >
                  {t('fundraising.close.action')}
                </Button>
              )}
            </>
          )
        }
      />
      <SaveError error={activateError} onReload={onReload} />

      <Card withBorder component="section" aria-label={t('fundraising.progressLabel')}>
        <Group gap="xs" mb="sm" wrap="wrap">
          <CampaignStatusBadge status={c.status} />
          <Text size="sm">
            {c.platform === 'other' && c.platformName
              ? c.platformName
              : t(`fundraising.platform.${c.platform}`)}
            {' · '}
            {t(`fundraising.purpose.${c.purpose}`)}
          </Text>
        </Group>
        <CampaignProgress raisedRupiah={c.raisedRupiah} targetRupiah={c.targetRupiah} />
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mt="md" mb={0}>
          <Field label={t('fundraising.fields.case')}>
            <AnchorLink to="/kasus/$id" params={{ id: c.caseId }} size="sm">
              {c.caseNumber}
            </AnchorLink>
          </Field>
          <Field label={t('fundraising.fields.center')}>{c.centerName ?? t('common.none')}</Field>
          <Field label={t('fundraising.fields.targetRupiah')}>{formatRupiah(c.targetRupiah)}</Field>
          <Field label={t('fundraising.fields.disbursedRupiah')}>{formatRupiah(c.disbursedRupiah)}</Field>
          <Field label={t('fundraising.fields.remainingRupiah')}>{formatRupiah(disbursableRupiah(c))}</Field>
          <Field label={t('fundraising.fields.period')}>
            {c.startsOn || c.endsOn ? `${date(c.startsOn)} – ${date(c.endsOn)}` : t('common.none')}
          </Field>
          <Field label={t('fundraising.fields.createdBy')}>{c.createdBy ?? t('common.none')}</Field>
        </SimpleGrid>
        {c.campaignUrl && (
          <Anchor
            href={c.campaignUrl}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            mt="sm"
            display="block"
          >
            <Group gap={4} wrap="nowrap">
              <IconExternalLink size={14} aria-hidden />
              {t('fundraising.openCampaign')}
            </Group>
          </Anchor>
        )}
        {c.closedAt && c.closeNote && (
          <Text size="sm" mt="sm">
            {t('fundraising.close.closedOn', { date: date(c.closedAt), note: c.closeNote })}
          </Text>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="campaign-story">
        <Title order={2} size="h4" mb="xs" id="campaign-story">
          {t('fundraising.story')}
        </Title>
        <Spoiler maxHeight={160} showLabel={t('common.details')} hideLabel={t('common.hideDetails')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.story}
          </Text>
        </Spoiler>
      </Card>

      <ConsentBlock value={c} onRecord={() => setDialog('consent')} />
      <UpdatesTimeline value={c} onRecord={() => setDialog('update')} />
      <DisbursementsTable value={c} onRecord={() => setDialog('disburse')} />

      {manage && dialog === 'edit' && <CampaignFormModal opened {...modalProps} />}
      {manage && dialog === 'consent' && <ConsentModal opened {...modalProps} />}
      {manage && dialog === 'update' && <RaisedUpdateModal opened {...modalProps} />}
      {manage && dialog === 'close' && <CloseModal opened {...modalProps} />}
      {c.can.disburse && dialog === 'disburse' && <DisbursementModal opened {...modalProps} />}
      <ConfirmModal
        opened={dialog === 'activate'}
        title={t('fundraising.activate.title')}
        body={t('fundraising.activate.body')}
        confirmLabel={t('fundraising.activate.action')}
        color="blue"
        loading={activating}
        onConfirm={() => void onActivate()}
        onClose={close}
      />
    </>
  );
}

function SectionHeader({ id, title, action }: { id: string; title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {action}
    </Group>
  );
}

function ConsentBlock({ value: c, onRecord }: { value: Campaign; onRecord: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const consent = c.consent;
  const canRecord = c.can.manage && campaignAllows.consent(c.status);
  const yesNo = (agreed: boolean) => (agreed ? t('common.yes') : t('fundraising.consent.notAgreed'));
  return (
    <Card withBorder component="section" aria-labelledby="campaign-consent">
      <SectionHeader
        id="campaign-consent"
        title={t('fundraising.consent.title')}
        action={
          canRecord && (
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} aria-hidden />}
              onClick={onRecord}
            >
              {consent ? t('fundraising.consent.replace') : t('fundraising.consent.record')}
            </Button>
          )
        }
      />
      {consent ? (
        <>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
            <Field label={t('fundraising.consent.givenBy')}>
              {t(`fundraising.consent.giver.${consent.givenBy}`)}: {consent.giverName}
            </Field>
            <Field label={t('fundraising.consent.consentedOn')}>
              {formatDate(consent.consentedOn, 'WIB', lang)}
            </Field>
            <Field label={t('fundraising.consent.publishStory')}>{yesNo(consent.publishStory)}</Field>
            <Field label={t('fundraising.consent.publishPhoto')}>{yesNo(consent.publishPhoto)}</Field>
            {consent.documentNumber && (
              <Field label={t('fundraising.consent.documentNumber')}>{consent.documentNumber}</Field>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('fundraising.consent.recorded', {
              name: consent.recordedBy ?? t('common.none'),
              date: formatDate(consent.recordedAt, 'WIB', lang),
            })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('fundraising.consent.none')}
        </Text>
      )}
    </Card>
  );
}

function UpdatesTimeline({ value: c, onRecord }: { value: Campaign; onRecord: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const canRecord = c.can.manage && campaignAllows.update(c.status);
  const updates = [...c.updates].reverse();
  return (
    <Card withBorder component="section" aria-labelledby="campaign-updates">
      <SectionHeader
        id="campaign-updates"
        title={t('fundraising.updates.title')}
        action={
          canRecord && (
            <Button
              variant="default"
              leftSection={<IconTrendingUp size={16} aria-hidden />}
              onClick={onRecord}
            >
              {t('fundraising.updates.record')}
            </Button>
          )
        }
      />
      {updates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fundraising.updates.empty')}
        </Text>
      ) : (
        <Timeline active={updates.length} bulletSize={20} lineWidth={2} color="blue.8">
          {updates.map((u) => (
            <Timeline.Item
              key={u.id}
              bullet={<IconCheck size={12} aria-hidden />}
              title={
                <Text size="sm" fw={600}>
                  {t('fundraising.updates.entry', {
                    from: formatRupiah(u.previousRaisedRupiah),
                    to: formatRupiah(u.raisedRupiah),
                  })}
                </Text>
              }
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {u.note}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(u.reportedOn, 'WIB', lang)}
                {u.by ? ` · ${u.by}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

function DisbursementsTable({ value: c, onRecord }: { value: Campaign; onRecord: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const canRecord = c.can.disburse && campaignAllows.disburse(c.status) && disbursableRupiah(c) > 0;
  /** A six-column table does not fit a phone: there each payment is a card, totals below. */
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Card withBorder component="section" aria-labelledby="campaign-disbursements">
      <SectionHeader
        id="campaign-disbursements"
        title={t('fundraising.disbursements.title')}
        action={
          canRecord && (
            <Button variant="default" leftSection={<IconCash size={16} aria-hidden />} onClick={onRecord}>
              {t('fundraising.disbursements.record')}
            </Button>
          )
        }
      />
      {c.can.manage && !c.can.disburse && campaignAllows.disburse(c.status) && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('fundraising.disbursements.headOnly')}
        </Text>
      )}
      {c.disbursements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fundraising.disbursements.empty')}
        </Text>
      ) : phone ? (
        <DisbursementCards value={c} />
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped verticalSpacing="xs" aria-labelledby="campaign-disbursements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fundraising.disbursements.disbursedOn')}</Table.Th>
                <Table.Th scope="col">{t('fundraising.disbursements.recipientName')}</Table.Th>
                <Table.Th scope="col">{t('fundraising.disbursements.method')}</Table.Th>
                <Table.Th scope="col">{t('fundraising.disbursements.proofNumber')}</Table.Th>
                <Table.Th scope="col">{t('fundraising.disbursements.by')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fundraising.disbursements.amountRupiah')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.disbursements.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDate(d.disbursedOn, 'WIB', lang)}</Table.Td>
                  <Table.Td>
                    {d.recipientName}
                    {d.note && (
                      <Text size="xs" c="dimmed">
                        {d.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`fundraising.disbursements.methods.${d.method}`)}</Table.Td>
                  <Table.Td>{d.proofNumber}</Table.Td>
                  <Table.Td>{d.by ?? t('common.none')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(d.amountRupiah)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={5}>
                  {t('fundraising.disbursements.total')}
                </Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(c.disbursedRupiah)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={5}>
                  {t('fundraising.fields.remainingRupiah')}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(disbursableRupiah(c))}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function DisbursementCards({ value: c }: { value: Campaign }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Stack gap="xs">
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {c.disbursements.map((d) => (
          <Card component="li" key={d.id} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>
                {formatRupiah(d.amountRupiah)}
              </Text>
              <Text size="sm">{formatDate(d.disbursedOn, 'WIB', lang)}</Text>
            </Group>
            <Text size="sm">{d.recipientName}</Text>
            <Text size="sm">{t(`fundraising.disbursements.methods.${d.method}`)}</Text>
            <Text size="xs" c="dimmed">
              {t('fundraising.disbursements.proofNumber')}: {d.proofNumber}
              {d.by ? ` · ${d.by}` : ''}
            </Text>
            {d.note && <Text size="xs">{d.note}</Text>}
          </Card>
        ))}
      </Stack>
      <SimpleGrid component="dl" cols={2} spacing="xs" m={0}>
        <Field label={t('fundraising.disbursements.total')}>{formatRupiah(c.disbursedRupiah)}</Field>
        <Field label={t('fundraising.fields.remainingRupiah')}>{formatRupiah(disbursableRupiah(c))}</Field>
      </SimpleGrid>
    </Stack>
  );
}
