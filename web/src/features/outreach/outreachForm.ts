import type { Cluster, Urgency } from '@atensi/domain';

/** One person found, as the form holds them (`key` keeps React rows stable when one is removed). */
export type PersonRow = {
  key: number;
  fullName: string;
  sex: 'male' | 'female' | '';
  birthYearEstimate: number | string;
  clusters: Cluster[];
  urgency: Urgency | '';
  problem: string;
};

export type RunValues = {
  centerId: string;
  team: string;
  date: string;
  place: string;
  regionCode: string;
  notes: string;
  assignedWorkerId: string;
  people: PersonRow[];
};

export const emptyPerson = (key: number): PersonRow => ({
  key,
  fullName: '',
  sex: '',
  birthYearEstimate: '',
  clusters: [],
  urgency: 'medium',
  problem: '',
});

const numberOrUndefined = (v: number | string): number | undefined => {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? undefined : n;
};

/** The body for `outreachInput`: empty choices become `undefined`, so the schema reports them as missing. */
export const runRaw = (v: RunValues) => ({
  centerId: v.centerId,
  team: v.team,
  date: v.date,
  place: v.place,
  regionCode: v.regionCode,
  notes: v.notes.trim() || null,
  assignedWorkerId: v.assignedWorkerId,
  people: v.people.map((p) => ({
    fullName: p.fullName,
    sex: p.sex || undefined,
    birthYearEstimate: numberOrUndefined(p.birthYearEstimate),
    clusters: p.clusters,
    urgency: p.urgency || undefined,
    problem: p.problem,
  })),
});

/** Errors without those of the people rows (their indices shift when a row is removed). */
export const withoutPeopleErrors = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('people.')));
