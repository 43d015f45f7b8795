import type { CaseWorker } from '@atensi/domain';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/PageStates';
import { caseWorkersQueryOptions } from './api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Name (Kepala) — 3 kasus terbuka": who they are and how much they already carry. */
export const workerLabel = (w: CaseWorker, t: Translate): string =>
  t(w.isHead ? 'cases.workers.optionHead' : 'cases.workers.option', { name: w.name, count: w.openCases });

/**
 * The social workers and the head of one centre (`/api/centers/:id/case-workers`), for opening
 * a case, reassigning it and accepting a transfer. Value = user id.
 */
export function WorkerSelect({
  centerId,
  value,
  onChange,
  exclude = [],
  error,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  centerId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Users not to offer (e.g. the worker who already has the case). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const workers = useQuery(caseWorkersQueryOptions(centerId));
  const data = (workers.data ?? [])
    .filter((w) => !exclude.includes(w.id))
    .map((w) => ({ value: w.id, label: workerLabel(w, t) }));
  const loadError = workers.error ? errorMessage(workers.error, t('errors.generic')) : undefined;
  return (
    <Select
      placeholder={t('cases.workers.placeholder')}
      {...rest}
      data={data}
      value={value && data.some((o) => o.value === value) ? value : null}
      onChange={(v) => onChange(v)}
      searchable
      nothingFoundMessage={workers.isFetching ? t('common.loading') : t('cases.workers.none')}
      rightSection={workers.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      error={error ?? loadError}
    />
  );
}
