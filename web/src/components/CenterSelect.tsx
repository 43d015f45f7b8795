import type { CenterSummary, Page } from '@atensi/domain';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Option = { value: string; label: string };

/** A searchable select of centres (type-ahead against `/api/centers?q=`). Value = centre id. */
export function CenterSelect({
  value,
  onChange,
  initialLabel,
  exclude = [],
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The name of the current value, when it may not be in the first page of results. */
  initialLabel?: string | null;
  /** Centres not to offer (e.g. the one a case is already at). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const [debounced] = useDebouncedValue(search, 300);
  const term = debounced === chosen?.label ? '' : debounced.trim();
  const centers = useQuery({
    queryKey: ['centers', 'options', term] as const,
    queryFn: ({ signal }) =>
      api<Page<CenterSummary>>('/api/centers', { query: { q: term, pageSize: 50, sort: 'name' }, signal }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list: Option[] = (centers.data?.items ?? [])
      .filter((c) => !exclude.includes(c.id))
      .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }));
    if (chosen && chosen.value === value && !list.some((o) => o.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [centers.data, chosen, value, exclude]);

  // The select writes its option's label ("name (code)") into the search box: once the list
  // holds the value (also one set from outside, e.g. the URL), remember that label, so it is
  // not sent as a search.
  useEffect(() => {
    const current = options.find((o) => o.value === value);
    if (current && (chosen?.value !== current.value || chosen.label !== current.label)) setChosen(current);
  }, [options, value, chosen]);

  return (
    <Select
      placeholder={t('center.select')}
      {...rest}
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
      nothingFoundMessage={centers.isFetching ? t('common.loading') : t('common.noResults')}
      rightSection={centers.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
    />
  );
}
