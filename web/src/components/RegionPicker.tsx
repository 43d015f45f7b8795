import { type Region, type RegionLevel, regionLevels } from '@atensi/domain';
import { Fieldset, Loader, Select, SimpleGrid, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childRegionsQueryOptions, provincesQueryOptions, regionQueryOptions } from '../api/regions';

type Chain = (Region | null)[];
const emptyChain = (): Chain => regionLevels.map(() => null);
const deepest = (chain: Chain): Region | null => [...chain].reverse().find((r) => r !== null) ?? null;
const levelIndex = (level: RegionLevel) => regionLevels.indexOf(level);

export type RegionPickerProps = {
  /** The deepest chosen region code, or null. */
  value: string | null;
  onChange: (code: string | null, region: Region | null) => void;
  /** Deepest level offered (default: village). */
  maxLevel?: RegionLevel;
  /** With `required`, the levels down to this one are marked required (default: province). */
  minLevel?: RegionLevel;
  required?: boolean;
  /** Legend of the group; defaults to "Wilayah"/"Region". */
  label?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
};

/**
 * Cascading Provinsi → Kabupaten/Kota → Kecamatan → Desa/Kelurahan. Each level is a searchable
 * select that asks the server as the user types; the value is the deepest chosen code. An
 * initial value is resolved into its chain with `GET /api/regions/:code`.
 */
export function RegionPicker({
  value,
  onChange,
  maxLevel = 'village',
  minLevel = 'province',
  required = false,
  label,
  error,
  disabled,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const [chain, setChain] = useState<Chain>(emptyChain);
  const current = deepest(chain)?.code ?? null;
  const needsResolve = value !== null && value !== '' && value !== current;
  const resolved = useQuery(regionQueryOptions(needsResolve ? value : null));
  const errorId = useId();

  useEffect(() => {
    if (value === null || value === '') {
      if (current !== null) setChain(emptyChain());
      return;
    }
    if (value === current || !resolved.data || resolved.data.region.code !== value) return;
    const next = emptyChain();
    for (const region of resolved.data.lineage) next[levelIndex(region.level)] = region;
    next[levelIndex(resolved.data.region.level)] = resolved.data.region;
    setChain(next);
  }, [value, current, resolved.data]);

  const select = (index: number, region: Region | null) => {
    const next = chain.map((r, i) => (i < index ? r : null));
    next[index] = region;
    setChain(next);
    const chosen = deepest(next);
    onChange(chosen?.code ?? null, chosen);
  };

  const shown = regionLevels.slice(0, levelIndex(maxLevel) + 1);
  const resolving = needsResolve && resolved.isPending;

  return (
    <Fieldset
      legend={label ?? t('center.fields.region')}
      variant="unstyled"
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {shown.map((level, index) => (
          <LevelSelect
            key={level}
            level={level}
            parent={index === 0 ? null : (chain[index - 1] ?? null)}
            parentLevel={index === 0 ? null : (regionLevels[index - 1] ?? null)}
            selected={chain[index] ?? null}
            onSelect={(region) => select(index, region)}
            required={required && index <= levelIndex(minLevel)}
            invalid={!!error && chain[index] === null && (index === 0 || chain[index - 1] !== null)}
            busy={resolving}
            disabled={disabled || resolving}
          />
        ))}
      </SimpleGrid>
      {resolved.error && (
        <Text c="red.8" size="sm" mt={4}>
          {t('region.loadFailed')}
        </Text>
      )}
      {error && (
        <Text c="red.8" size="sm" mt={4} id={errorId} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

function LevelSelect({
  level,
  parent,
  parentLevel,
  selected,
  onSelect,
  required,
  invalid,
  busy,
  disabled,
}: {
  level: RegionLevel;
  parent: Region | null;
  parentLevel: RegionLevel | null;
  selected: Region | null;
  onSelect: (region: Region | null) => void;
  required: boolean;
  invalid: boolean;
  busy: boolean;
  disabled: boolean | undefined;
}) {
  const { t } = useTranslation();
  const isProvince = level === 'province';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const serverTerm = debounced === selected?.name ? '' : debounced.trim();
  const provinces = useQuery({ ...provincesQueryOptions, enabled: isProvince });
  const children = useQuery(childRegionsQueryOptions(isProvince ? null : (parent?.code ?? null), serverTerm));
  const source = isProvince ? provinces : children;

  const regions = useMemo(() => {
    const list = [...(source.data ?? [])];
    if (selected && !list.some((r) => r.code === selected.code)) list.unshift(selected);
    return list;
  }, [source.data, selected]);

  const waiting = !isProvince && !parent;
  const loading = busy || (source.isFetching && !waiting);
  const labelKey = `region.${level}`;

  return (
    <Select
      label={t(labelKey)}
      placeholder={
        waiting && parentLevel
          ? t('region.chooseParentFirst', { parent: t(`region.${parentLevel}`) })
          : t('region.choose')
      }
      data={regions.map((r) => ({ value: r.code, label: r.name }))}
      value={selected?.code ?? null}
      onChange={(code) => onSelect(regions.find((r) => r.code === code) ?? null)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={isProvince ? undefined : ({ options }) => options}
      nothingFoundMessage={source.isFetching ? t('common.loading') : t('region.nothingFound')}
      rightSection={loading ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      disabled={disabled || waiting}
      required={required}
      error={invalid || source.error ? true : undefined}
      data-testid={`region-${level}`}
      limit={100}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
