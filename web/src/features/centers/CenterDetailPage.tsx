import { type CenterDetail, formatDateTime } from '@atensi/domain';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ButtonLink';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { archiveCenter, centerQueryOptions } from './api';

const route = getRouteApi('/app/balai/$id');

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

export function CenterDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const center = useQuery(centerQueryOptions(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/balai" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('nav.centers')}
        </Group>
      </Anchor>
      <QueryState query={center} rows={8}>
        {(c) => <CenterDetailView center={c} />}
      </QueryState>
    </Stack>
  );
}

function CenterDetailView({ center: c }: { center: CenterDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirm, { open, close }] = useDisclosure(false);
  const [archiving, setArchiving] = useState(false);
  const none = t('common.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : t('center.noneSelected'));

  const archive = async () => {
    setArchiving(true);
    try {
      await archiveCenter(c.id, c.version);
      await queryClient.invalidateQueries({ queryKey: ['centers'] });
      notify({ color: 'green', message: t('center.archivedNotice') });
      close();
      await navigate({ to: '/balai' });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
      close();
      void queryClient.invalidateQueries({ queryKey: centerQueryOptions(c.id).queryKey });
    } finally {
      setArchiving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {c.name}{' '}
            {c.archivedAt && (
              <Badge color="gray" variant="filled" size="sm">
                {t('center.archived')}
              </Badge>
            )}
          </>
        }
        actions={
          <>
            {c.access.update && (
              <ButtonLink
                to="/balai/$id/ubah"
                params={{ id: c.id }}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            )}
            {c.access.archive && !c.archivedAt && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconArchive size={16} aria-hidden />}
                onClick={open}
              >
                {t('center.archive')}
              </Button>
            )}
          </>
        }
      />
      <Block title={t('center.sections.identity')}>
        <Field label={t('center.fields.code')}>{c.code}</Field>
        <Field label={t('center.fields.type')}>{t(`centerType.${c.type}`)}</Field>
        <Field label={t('center.fields.name')}>{c.name}</Field>
        <Field label={t('center.fields.headName')}>{c.headName ?? none}</Field>
      </Block>
      <Block title={t('center.sections.address')}>
        <Field label={t('center.fields.street')}>{c.street ?? none}</Field>
        <Field label={t('center.fields.region')}>
          {[c.regionName, c.provinceName].filter(Boolean).join(', ') || c.regionCode}
        </Field>
        <Field label={`${t('center.fields.latitude')}, ${t('center.fields.longitude')}`}>
          {c.latitude !== null && c.longitude !== null ? `${c.latitude}, ${c.longitude}` : none}
        </Field>
        <Field label={t('center.fields.timeZone')}>{c.timeZone}</Field>
        <Field label={t('center.fields.phone')}>{c.phone ?? none}</Field>
        <Field label={t('center.fields.email')}>{c.email ?? none}</Field>
      </Block>
      <Block title={t('center.sections.capacity')}>
        <Field label={t('center.fields.occupancy')}>
          {t('center.occupancyValue', { occupied: c.occupiedBeds, capacity: c.bedCapacity })}
        </Field>
        <Field label={t('center.fields.facilities')}>
          {list(c.facilities.map((f) => t(`facility.${f}`)))}
        </Field>
      </Block>
      <Block title={t('center.sections.services')}>
        <Field label={t('center.fields.serviceClusters')}>
          {list(c.serviceClusters.map((k) => t(`cluster.${k}`)))}
        </Field>
        <Field label={t('center.fields.specialtyClusters')}>
          {list(c.specialtyClusters.map((k) => t(`cluster.${k}`)))}
        </Field>
      </Block>
      <Block title={t('center.sections.coverage')}>
        <Field label={t('center.fields.coverage')}>{list(c.coverage.map((r) => r.name))}</Field>
      </Block>
      <Block title={t('center.sections.record')}>
        <Field label={t('center.fields.createdAt')}>{formatDateTime(c.createdAt, c.timeZone, lang)}</Field>
        <Field label={t('center.fields.updatedAt')}>{formatDateTime(c.updatedAt, c.timeZone, lang)}</Field>
        <Field label={t('center.fields.version')}>{String(c.version)}</Field>
        {c.archivedAt && (
          <Field label={t('center.archived')}>{formatDateTime(c.archivedAt, c.timeZone, lang)}</Field>
        )}
      </Block>
      <ConfirmModal
        opened={confirm}
        onClose={close}
        title={t('center.archiveTitle')}
        body={t('center.archiveBody', { name: c.name })}
        confirmLabel={t('center.archive')}
        loading={archiving}
        onConfirm={() => void archive()}
      />
    </>
  );
}
