import type { CaseSummary, Page } from '@atensi/domain';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { can, useMe } from '../../api/me';

/**
 * Cases the user may list, searched by number or the person's name through the case list (a
 * POST: names stay out of URLs). A centre head searches the whole centre, a worker their own.
 */
export function CaseSearchSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 400);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const head = me.roles.some((r) => r.role === 'center_head');
  const term = debounced.trim() === chosen?.label ? '' : debounced.trim();
  const found = useQuery({
    queryKey: ['cases', 'search-options', term, head] as const,
    queryFn: ({ signal }) =>
      api<Page<CaseSummary>>('/api/cases/list', {
        method: 'POST',
        body: { view: head ? 'center' : 'mine', q: term || undefined, pageSize: 20 },
        signal,
      }),
    enabled: can(me, 'case.list'),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.number} — ${c.personName}`,
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label}
      description={description}
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
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.noResults')}
      rightSection={found.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
