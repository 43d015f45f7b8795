import { type Cluster, clusters, type PartnerListInput, partnerKinds } from '@atensi/domain';

type PartnerKind = (typeof partnerKinds)[number];

/** LKS-list filters kept in the URL (institutions are reference data, not personal data). */
export type PartnerSearch = {
  q?: string;
  kind?: PartnerKind;
  center?: string;
  service?: Cluster;
  inactive?: true;
  page?: number;
};

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim().slice(0, 100);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => {
  const s = text(v);
  return s !== undefined && (list as readonly string[]).includes(s) ? (s as T) : undefined;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accepts whatever is in the address bar and keeps only valid filters. */
export const parsePartnerSearch = (raw: Record<string, unknown>): PartnerSearch => {
  const out: PartnerSearch = {};
  const q = text(raw.q);
  if (q) out.q = q;
  const kind = oneOf(partnerKinds, raw.kind);
  if (kind) out.kind = kind;
  const center = text(raw.center);
  if (center && uuidPattern.test(center)) out.center = center.toLowerCase();
  const service = oneOf(clusters, raw.service);
  if (service) out.service = service;
  const inactive = text(raw.inactive);
  if (inactive === 'true' || inactive === '1') out.inactive = true;
  const page = Number(text(raw.page));
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
};

/** The list API's body for the URL's filters. */
export const partnerListInputOf = (search: PartnerSearch, pageSize: number): PartnerListInput => ({
  q: search.q,
  kind: search.kind,
  centerId: search.center,
  service: search.service,
  includeInactive: search.inactive ?? false,
  page: search.page ?? 1,
  pageSize,
});
