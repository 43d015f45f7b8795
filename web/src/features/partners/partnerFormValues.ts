import type { accreditations, Cluster, Me, Partner, partnerKinds } from '@atensi/domain';

type PartnerKind = (typeof partnerKinds)[number];
type Accreditation = (typeof accreditations)[number];

/** What the form holds: text inputs are strings, the number input `number | ''`. */
export type PartnerFormValues = {
  name: string;
  kind: PartnerKind | '';
  centerId: string;
  regionCode: string;
  address: string;
  accreditation: Accreditation;
  accreditedUntil: string;
  contactName: string;
  phone: string;
  email: string;
  services: Cluster[];
  capacity: number | string;
};

export const emptyPartnerValues = (centerId = ''): PartnerFormValues => ({
  name: '',
  kind: '',
  centerId,
  regionCode: '',
  address: '',
  accreditation: 'none',
  accreditedUntil: '',
  contactName: '',
  phone: '',
  email: '',
  services: [],
  capacity: '',
});

export const partnerToValues = (p: Partner): PartnerFormValues => ({
  name: p.name,
  kind: p.kind,
  centerId: p.centerId,
  regionCode: p.regionCode,
  address: p.address ?? '',
  accreditation: p.accreditation,
  accreditedUntil: p.accreditedUntil ?? '',
  contactName: p.contactName ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  services: [...p.services],
  capacity: p.capacity ?? '',
});

const toNumber = (v: number | string): number | null => {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isNaN(n) ? Number.NaN : n;
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The raw object handed to `partnerInput` (which trims, nulls empties and checks limits). */
export const valuesToInput = (v: PartnerFormValues) => ({
  name: v.name,
  kind: v.kind === '' ? undefined : v.kind,
  centerId: v.centerId === '' ? undefined : v.centerId,
  regionCode: v.regionCode,
  address: v.address,
  accreditation: v.accreditation,
  // No date without an accreditation: a stale date would print on the detail page.
  accreditedUntil: v.accreditation === 'none' ? null : orNull(v.accreditedUntil),
  contactName: v.contactName,
  phone: orNull(v.phone),
  email: orNull(v.email),
  services: v.services,
  capacity: toNumber(v.capacity),
});

export const isAdmin = (me: Pick<Me, 'roles'>) => me.roles.some((r) => r.role === 'admin');

/** Centres where the user is head: they keep the records of the LKS working with those. */
export const headedCenters = (me: Pick<Me, 'roles'>) => {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if (r.role === 'center_head' && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/** Mirrors the server's `partner.manage` rule: the administrator, or the head of the LKS's balai. */
export const canManagePartner = (me: Pick<Me, 'roles' | 'permissions'>, centerId: string) =>
  me.permissions.includes('partner.manage') &&
  (isAdmin(me) || headedCenters(me).some((c) => c.id === centerId));
