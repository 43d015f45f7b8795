import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { QueryState } from '../../components/PageStates';
import { caseCampaignsQueryOptions } from './api';
import { CampaignFormModal } from './CampaignForms';
import { CampaignCard } from './CampaignsListPage';

/**
 * Penggalangan dana on the case page: the case's campaigns, and a new draft for those who
 * work on the case. Renders nothing for users without the fundraising read permission.
 */
export function CaseCampaigns({ caseId }: { caseId: string }) {
  const me = useMe();
  if (!can(me, 'fundraising.read')) return null;
  return <CaseCampaignsSection caseId={caseId} />;
}

function CaseCampaignsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(caseCampaignsQueryOptions(caseId));
  const [creating, setCreating] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="case-campaigns">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <Title order={2} size="h4" id="case-campaigns">
          {t('fundraising.caseSection.title')}
        </Title>
        {query.data?.canCreate && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('fundraising.create')}
          </Button>
        )}
      </Group>
      <QueryState query={query} rows={2}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('fundraising.caseSection.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.items.map((c) => (
                <CampaignCard key={c.id} value={c} showCase={false} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {creating && (
        <CampaignFormModal
          opened
          caseId={caseId}
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            void queryClient.invalidateQueries({ queryKey: ['fundraising'] });
            void navigate({ to: '/penggalangan-dana/$id', params: { id: c.id } });
          }}
        />
      )}
    </Card>
  );
}
