import { z } from 'zod';
import type { Cluster } from '../clusters.ts';

/** The seven ATENSI service components (komponen ATENSI). */
export const serviceComponents = [
  /** Pemenuhan hidup layak. */
  'basic_needs',
  /** Perawatan sosial dan/atau pengasuhan anak. */
  'social_care',
  /** Dukungan keluarga. */
  'family_support',
  /** Terapi fisik, psikososial, mental spiritual. */
  'therapy',
  /** Pelatihan vokasional dan/atau pembinaan kewirausahaan. */
  'vocational',
  /** Bantuan dan asistensi sosial. */
  'social_assistance',
  /** Dukungan aksesibilitas. */
  'accessibility',
] as const;
export const serviceComponent = z.enum(serviceComponents);
export type ServiceComponent = z.infer<typeof serviceComponent>;

/** Berbasis keluarga, komunitas, residensial: where the service happens. */
export const modalities = ['family', 'community', 'residential'] as const;
export const modality = z.enum(modalities);
export type Modality = z.infer<typeof modality>;

/**
 * How a case came in: penjangkauan, a SERASI ticket, a referral from another programme or
 * institution, a person at the door, a family's request, or an instruction from above.
 */
export const intakeChannels = [
  'outreach',
  'serasi',
  'referral_in',
  'walk_in',
  'family_request',
  'directive',
] as const;
export const intakeChannel = z.enum(intakeChannels);
export type IntakeChannel = z.infer<typeof intakeChannel>;

export const urgencies = ['low', 'medium', 'high', 'critical'] as const;
export const urgency = z.enum(urgencies);
export type Urgency = z.infer<typeof urgency>;

/**
 * Clusters whose cases only the assigned worker and the centre head may see, each read
 * audited (DESIGN.md). Children in special protection (anak memerlukan perlindungan
 * khusus) are sensitive too, but they are a flag on the case, not a cluster, because most
 * child cases are not.
 */
export const sensitiveClusters = [
  'napza',
  'social_deviance_trafficking',
  'odgj',
] as const satisfies readonly Cluster[];

export const isSensitiveCase = (clusters: readonly Cluster[], childSpecialProtection: boolean): boolean =>
  childSpecialProtection || clusters.some((c) => (sensitiveClusters as readonly Cluster[]).includes(c));
