import type { PersonSummary } from '@atensi/domain';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { personSearchQueryOptions } from './api';
import { birthLabel } from './personFormat';

/** A type-ahead select of persons (POST search: the term stays out of URLs). Value = person id. */
export function PersonSearchSelect({
  value,
  onChange,
  excludeIds,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (person: PersonSummary | null) => void;
  excludeIds: readonly string[];
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const label = (p: PersonSummary) =>
    [p.fullName, birthLabel(p, t, lang), p.nikMasked, p.regionName].filter(Boolean).join(' · ');
  const term = chosen && debounced === label(chosen) ? '' : debounced.trim();
  const persons = useQuery({
    ...personSearchQueryOptions({ q: term || undefined, page: 1, pageSize: 20 }),
    staleTime: 10_000,
  });
  const found = useMemo(() => {
    const list = (persons.data?.items ?? []).filter((p) => !excludeIds.includes(p.id));
    if (chosen && !list.some((p) => p.id === chosen.id)) list.unshift(chosen);
    return list;
  }, [persons.data, excludeIds, chosen]);

  return (
    <Select
      {...rest}
      data={found.map((p) => ({ value: p.id, label: label(p) }))}
      value={value}
      onChange={(id) => {
        const person = found.find((p) => p.id === id) ?? null;
        setChosen(person);
        onChange(person);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={persons.isFetching ? t('common.loading') : t('common.noResults')}
      rightSection={persons.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
