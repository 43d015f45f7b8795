import { type AuditAction, type AuditEntry, auditActions, formatDateTime, type Page } from '@atensi/domain';
import {
  ActionIcon,
  Badge,
  Card,
  Code,
  Collapse,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AppPagination } from '../../components/AppPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';

const pageSize = 50;

export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <AuditLog />
    </RequirePermission>
  );
}

const show = (value: unknown): string => {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

function AuditLog() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState<AuditAction | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<number | null>(null);
  const [filters] = useDebouncedValue({ entity: entity.trim(), entityId: entityId.trim() }, 350);
  const query = { ...filters, action: action ?? undefined, from, to, page, pageSize };
  const list = useQuery({
    queryKey: ['audit', query] as const,
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/api/audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
  const lang = currentLanguage();
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} />
      <Card withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <TextInput
            label={t('audit.entity')}
            placeholder="center"
            value={entity}
            onChange={(e) => resetPage(setEntity)(e.currentTarget.value)}
          />
          <TextInput
            label={t('audit.entityId')}
            value={entityId}
            onChange={(e) => resetPage(setEntityId)(e.currentTarget.value)}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('common.all')}
            data={auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
            value={action}
            onChange={(v) => resetPage(setAction)(v as AuditAction | null)}
            clearable
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={from}
            onChange={(e) => resetPage(setFrom)(e.currentTarget.value)}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={to}
            onChange={(e) => resetPage(setTo)(e.currentTarget.value)}
          />
        </SimpleGrid>
      </Card>
      <QueryState query={list} rows={8}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <Text c="dimmed">{t('common.noResults')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={820} type="native">
                <Table aria-label={t('audit.listLabel')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={40}>
                        <VisuallyHidden>{t('common.details')}</VisuallyHidden>
                      </Table.Th>
                      <Table.Th scope="col">#</Table.Th>
                      <Table.Th scope="col">{t('audit.at')}</Table.Th>
                      <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                      <Table.Th scope="col">{t('audit.action')}</Table.Th>
                      <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                      <Table.Th scope="col">{t('audit.entityId')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((e) => {
                      const open = expanded === e.seq;
                      return (
                        <Fragment key={e.seq}>
                          <Table.Tr>
                            <Table.Td>
                              <ActionIcon
                                variant="subtle"
                                aria-expanded={open}
                                aria-controls={`audit-${e.seq}`}
                                aria-label={
                                  open
                                    ? t('audit.hideChanges', { seq: e.seq })
                                    : t('audit.showChanges', { seq: e.seq })
                                }
                                onClick={() => setExpanded(open ? null : e.seq)}
                              >
                                {open ? (
                                  <IconChevronDown size={16} aria-hidden />
                                ) : (
                                  <IconChevronRight size={16} aria-hidden />
                                )}
                              </ActionIcon>
                            </Table.Td>
                            <Table.Td>{e.seq}</Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              {formatDateTime(e.at, 'WIB', lang)}
                            </Table.Td>
                            <Table.Td>
                              {e.actorName ?? t('audit.system')}
                              {e.actorRole && (
                                <Text span size="xs" c="dimmed">
                                  {' '}
                                  ({t(`role.${e.actorRole}`, { defaultValue: e.actorRole })})
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Badge variant="light" size="sm">
                                {t(`audit.actions.${e.action}`)}
                              </Badge>
                            </Table.Td>
                            <Table.Td>{e.entity}</Table.Td>
                            <Table.Td>
                              <Text size="xs" ff="monospace">
                                {e.entityId}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                          <Table.Tr id={`audit-${e.seq}`} hidden={!open}>
                            <Table.Td colSpan={7} p={0}>
                              <Collapse expanded={open}>
                                <ChangeList entry={e} />
                              </Collapse>
                            </Table.Td>
                          </Table.Tr>
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AppPagination
              page={data.page}
              pageSize={data.pageSize || pageSize}
              total={data.total}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" p="sm" bg="gray.0">
      {entry.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder aria-label={t('audit.changes')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.field')}</Table.Th>
              <Table.Th scope="col">{t('audit.before')}</Table.Th>
              <Table.Th scope="col">{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>{c.field}</Table.Td>
                <Table.Td>
                  <Code block>{show(c.before)}</Code>
                </Table.Td>
                <Table.Td>
                  <Code block>{show(c.after)}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('audit.request')}: {entry.requestId ?? '—'} · {t('audit.ip')}: {entry.ip ?? '—'}
      </Text>
    </Stack>
  );
}
