import {
  Badge,
  Button,
  CloseButton,
  Group,
  Input,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childRegionsQueryOptions, provincesQueryOptions } from '../../api/regions';

/**
 * Coverage (wilayah jangkauan): whole provinces and/or regencies. Choose a province, then either
 * add it whole or add some of its regencies. Chosen codes are shown as removable chips.
 */
export function CoveragePicker({
  value,
  onChange,
  names,
  onNames,
  error,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  names: Record<string, string>;
  onNames: (names: Record<string, string>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [province, setProvince] = useState<string | null>(null);
  const [regencies, setRegencies] = useState<string[]>([]);
  const provinces = useQuery(provincesQueryOptions);
  const children = useQuery(childRegionsQueryOptions(province, '', 100));
  const errorId = useId();

  const add = (codes: string[], labels: Record<string, string>) => {
    onNames({ ...names, ...labels });
    const next = [...value];
    for (const c of codes) if (!next.includes(c)) next.push(c);
    onChange(next);
  };

  const addProvince = () => {
    const p = provinces.data?.find((r) => r.code === province);
    if (!p) return;
    add([p.code], { [p.code]: p.name });
    setRegencies([]);
  };

  const addRegencies = () => {
    const chosen = (children.data ?? []).filter((r) => regencies.includes(r.code));
    add(
      chosen.map((r) => r.code),
      Object.fromEntries(chosen.map((r) => [r.code, r.name])),
    );
    setRegencies([]);
  };

  const nameOf = (code: string) => names[code] ?? code;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('center.coverageProvince')}
          placeholder={t('region.choose')}
          data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          value={province}
          onChange={(v) => {
            setProvince(v);
            setRegencies([]);
          }}
          searchable
          clearable
          nothingFoundMessage={t('region.nothingFound')}
          description={t('center.hints.coverage')}
          error={error ? true : undefined}
        />
        <MultiSelect
          label={t('center.coverageRegencies')}
          placeholder={
            province ? t('region.choose') : t('region.chooseParentFirst', { parent: t('region.province') })
          }
          data={(children.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={regencies}
          onChange={setRegencies}
          searchable
          clearable
          disabled={!province}
          nothingFoundMessage={t('region.nothingFound')}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Button variant="light" size="xs" onClick={addProvince} disabled={!province}>
          {t('center.addWholeProvince')}
        </Button>
        <Button variant="light" size="xs" onClick={addRegencies} disabled={regencies.length === 0}>
          {t('center.addRegencies')}
        </Button>
      </Group>
      <Input.Wrapper
        label={t('center.coverageChosen')}
        labelElement="div"
        error={error}
        errorProps={{ id: errorId, role: 'alert' }}
        required
      >
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('center.coverageEmpty')}
          </Text>
        ) : (
          <Group gap={6} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {value.map((code) => (
              <li key={code}>
                <Badge
                  variant="light"
                  size="lg"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('common.removeItem', { name: nameOf(code) })}
                      onClick={() => onChange(value.filter((c) => c !== code))}
                    />
                  }
                >
                  {nameOf(code)}
                </Badge>
              </li>
            ))}
          </Group>
        )}
      </Input.Wrapper>
    </Stack>
  );
}
