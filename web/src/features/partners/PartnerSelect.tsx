import type { Cluster } from '@atensi/domain';
import { Loader, Select, type SelectProps, Stack, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnersQueryOptions } from './api';

type Option = { value: string; label: string };

/**
 * A searchable select of active LKS (type-ahead against `/api/partners/list`). With the case's
 * clusters it offers, by default, only institutions serving one of them. Value = partner id.
 */
export function PartnerSelect({
  value,
  onChange,
  clusters = [],
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The case's clusters, to narrow the list to institutions that serve them. */
  clusters?: readonly Cluster[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const [matchClusters, setMatchClusters] = useState(clusters.length > 0);
  const [debounced] = useDebouncedValue(search, 300);
  const term = debounced === chosen?.label ? '' : debounced.trim();
  const partners = useQuery({
    ...partnersQueryOptions({ q: term || undefined, page: 1, pageSize: 50 }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list: Option[] = (partners.data?.items ?? [])
      .filter((p) => !matchClusters || p.services.some((s) => clusters.includes(s)))
      .map((p) => ({
        value: p.id,
        label: `${p.name} — ${t(`partners.kind.${p.kind}`)}${p.regionName ? `, ${p.regionName}` : ''}`,
      }));
    if (chosen && chosen.value === value && !list.some((o) => o.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [partners.data, chosen, value, matchClusters, clusters, t]);

  return (
    <Stack gap={6}>
      <Select
        placeholder={t('partners.select.placeholder')}
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
        nothingFoundMessage={partners.isFetching ? t('common.loading') : t('common.noResults')}
        rightSection={partners.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      {clusters.length > 0 && (
        <Switch
          size="sm"
          label={t('partners.select.matchClusters')}
          checked={matchClusters}
          onChange={(e) => setMatchClusters(e.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}
