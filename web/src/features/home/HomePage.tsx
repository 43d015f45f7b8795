import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { PageHeader } from '../../components/PageHeader';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack>
      <PageHeader title={t('home.title')} />
      <Text size="lg">{t('home.welcome', { name: me.name })}</Text>
      <Text c="dimmed">{t('home.intro')}</Text>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('home.yourRoles')}
        </Title>
        {me.roles.length === 0 ? (
          <Text>{t('home.noRoles')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {me.roles.map((r) => (
              <Group component="li" key={`${r.role}-${r.centerId ?? 'national'}`} gap="xs">
                <Badge variant="light">{t(`role.${r.role}`)}</Badge>
                <Text size="sm">{r.centerName ?? t('home.national')}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
