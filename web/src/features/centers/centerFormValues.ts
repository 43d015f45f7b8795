import type { CenterDetail, CenterType, Cluster, Facility } from '@atensi/domain';
import { clusters } from '@atensi/domain';

/** What the form holds: text inputs are strings, number inputs `number | ''`. */
export type CenterFormValues = {
  code: string;
  name: string;
  type: CenterType | '';
  street: string;
  regionCode: string;
  latitude: number | string;
  longitude: number | string;
  phone: string;
  email: string;
  headName: string;
  bedCapacity: number | string;
  occupiedBeds: number | string;
  facilities: Facility[];
  specialtyClusters: Cluster[];
  serviceClusters: Cluster[];
  coverage: string[];
};

export const emptyCenterValues = (): CenterFormValues => ({
  code: '',
  name: '',
  type: '',
  street: '',
  regionCode: '',
  latitude: '',
  longitude: '',
  phone: '',
  email: '',
  headName: '',
  bedCapacity: '',
  occupiedBeds: 0,
  facilities: [],
  specialtyClusters: [],
  serviceClusters: [...clusters],
  coverage: [],
});

export const centerToValues = (c: CenterDetail): CenterFormValues => ({
  code: c.code,
  name: c.name,
  type: c.type,
  street: c.street ?? '',
  regionCode: c.regionCode,
  latitude: c.latitude ?? '',
  longitude: c.longitude ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  headName: c.headName ?? '',
  bedCapacity: c.bedCapacity,
  occupiedBeds: c.occupiedBeds,
  facilities: [...c.facilities],
  specialtyClusters: [...c.specialtyClusters],
  serviceClusters: [...c.serviceClusters],
  coverage: c.coverage.map((r) => r.code),
});

const toNumber = (v: number | string): number | undefined => {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isNaN(n) ? Number.NaN : n;
};

/** The raw object handed to the domain schema (which trims, nulls empties and checks limits). */
export const valuesToInput = (v: CenterFormValues) => ({
  code: v.code,
  name: v.name,
  type: v.type === '' ? undefined : v.type,
  street: v.street,
  regionCode: v.regionCode,
  latitude: toNumber(v.latitude) ?? null,
  longitude: toNumber(v.longitude) ?? null,
  phone: v.phone.trim(),
  email: v.email.trim(),
  headName: v.headName,
  bedCapacity: toNumber(v.bedCapacity),
  occupiedBeds: toNumber(v.occupiedBeds) ?? 0,
  facilities: v.facilities,
  specialtyClusters: v.specialtyClusters,
  serviceClusters: v.serviceClusters,
  coverage: v.coverage,
});

/** Every list-valued field is one input in the form, so its item errors show on the field. */
export const centerListFields = ['coverage', 'facilities', 'specialtyClusters', 'serviceClusters'] as const;
