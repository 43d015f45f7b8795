import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine Pagination with named controls and the total count. */
export function AppPagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const labels = {
    first: t('common.firstPage'),
    previous: t('common.previousPage'),
    next: t('common.nextPage'),
    last: t('common.lastPage'),
  };
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.total', { count: total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': labels[control] })}
            getItemProps={(p) => ({ 'aria-label': t('common.goToPage', { page: p }) })}
          />
        </nav>
      )}
    </Group>
  );
}
