import { type CenterType, centerSorts, centerTypes, type Facility, facilities } from '@atensi/domain';

export type CenterSort = (typeof centerSorts)[number];

/** Centre-list filters kept in the URL (centres are not personal data). */
export type CenterSearch = {
  q?: string;
  province?: string;
  type?: CenterType;
  facility?: Facility;
  sort?: CenterSort;
  order?: 'asc' | 'desc';
  page?: number;
};

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim().slice(0, 100);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => {
  const s = text(v);
  return s !== undefined && (list as readonly string[]).includes(s) ? (s as T) : undefined;
};

/** Accepts whatever is in the address bar and keeps only valid filters. */
export const parseCenterSearch = (raw: Record<string, unknown>): CenterSearch => {
  const out: CenterSearch = {};
  const q = text(raw.q);
  if (q) out.q = q;
  const province = text(raw.province);
  if (province && /^\d{2}$/.test(province)) out.province = province;
  const type = oneOf(centerTypes, raw.type);
  if (type) out.type = type;
  const facility = oneOf(facilities, raw.facility);
  if (facility) out.facility = facility;
  const sort = oneOf(centerSorts, raw.sort);
  if (sort) out.sort = sort;
  const order = oneOf(['asc', 'desc'] as const, raw.order);
  if (order) out.order = order;
  const page = Number(text(raw.page));
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
};
