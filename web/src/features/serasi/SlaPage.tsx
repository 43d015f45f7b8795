import { type Sla, updateSlaInput } from '@atensi/domain';
import { Anchor, Button, Card, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { slaQueryOptions, updateSla } from './api';
import { SaveError } from './SerasiParts';

/** `/serasi/sla`: service levels per ticket type; the administrator changes them, desk staff read them. */
export function SlaPage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(slaQueryOptions());
  return (
    <RequirePermission permission="serasi.readSla">
      <Stack gap="md">
        {can(me, 'serasi.list') && (
          <Anchor component={Link} to="/serasi" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} aria-hidden />
              {t('serasi.ticket.back')}
            </Group>
          </Anchor>
        )}
        <PageHeader title={t('serasi.sla.title')} />
        <Text size="sm">{t('serasi.sla.intro')}</Text>
        <QueryState query={query} rows={5}>
          {(items) => (
            <SlaForm key={JSON.stringify(items)} items={items} editable={can(me, 'serasi.updateSla')} />
          )}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

type Row = { type: Sla['type']; firstResponseHours: number | string; resolutionHours: number | string };

function SlaForm({ items, editable }: { items: Sla[]; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useSchemaForm<{ items: Row[] }>({ items });

  const change = (index: number, key: 'firstResponseHours' | 'resolutionHours', value: number | string) => {
    f.set(
      'items',
      f.values.items.map((r, i) => (i === index ? { ...r, [key]: value } : r)),
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const raw = {
      items: f.values.items.map((r) => ({
        type: r.type,
        firstResponseHours: r.firstResponseHours === '' ? undefined : Number(r.firstResponseHours),
        resolutionHours: r.resolutionHours === '' ? undefined : Number(r.resolutionHours),
      })),
    };
    void f.submit(updateSlaInput, raw, async (input) => {
      const saved = await updateSla(input.items);
      queryClient.setQueryData(slaQueryOptions().queryKey, saved);
      notify({ color: 'green', message: t('serasi.sla.saved') });
    });
  };

  return (
    <Card withBorder p="sm">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={560} type="native">
            <Table aria-label={t('serasi.sla.listLabel')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('serasi.sla.type')}</Table.Th>
                  <Table.Th scope="col">{t('serasi.sla.firstResponse')}</Table.Th>
                  <Table.Th scope="col">{t('serasi.sla.resolution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.values.items.map((r, i) => {
                  const type = t(`serasi.type.${r.type}`);
                  return (
                    <Table.Tr key={r.type}>
                      <Table.Th scope="row" fw={400}>
                        {type}
                      </Table.Th>
                      <Table.Td>
                        {editable ? (
                          <NumberInput
                            aria-label={t('serasi.sla.firstResponseFor', { type })}
                            min={1}
                            max={24 * 30}
                            allowDecimal={false}
                            allowNegative={false}
                            value={r.firstResponseHours}
                            onChange={(v) => change(i, 'firstResponseHours', v)}
                            error={f.errors[`items.${i}.firstResponseHours`]}
                            maw={160}
                          />
                        ) : (
                          t('serasi.hours', { count: r.firstResponseHours })
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <NumberInput
                            aria-label={t('serasi.sla.resolutionFor', { type })}
                            min={1}
                            max={24 * 365}
                            allowDecimal={false}
                            allowNegative={false}
                            value={r.resolutionHours}
                            onChange={(v) => change(i, 'resolutionHours', v)}
                            error={f.errors[`items.${i}.resolutionHours`]}
                            maw={160}
                          />
                        ) : (
                          t('serasi.hours', { count: r.resolutionHours })
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SaveError error={f.error} />
          {editable ? (
            <Group justify="flex-end">
              <Button type="submit" loading={f.busy}>
                {t('serasi.sla.save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('serasi.sla.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}
