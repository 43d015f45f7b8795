import { z } from 'zod';
import { birthYearField, dateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { regionCode } from '../regions/region.ts';
import { optionalText, requiredText, text } from '../text.ts';

export const sexes = ['male', 'female'] as const;
export const sex = z.enum(sexes);
export type Sex = z.infer<typeof sex>;

/** Why a person has no NIK on record (homeless, an unidentified child, lost documents…). */
export const nikUnknownReasons = [
  'homeless',
  'unidentified_child',
  'lost_documents',
  'not_registered',
  'other',
] as const;
export const nikUnknownReason = z.enum(nikUnknownReasons);

export const disabilityTypes = ['physical', 'intellectual', 'mental', 'sensory'] as const;
export const disabilityType = z.enum(disabilityTypes);

export const dtksStatuses = ['registered', 'not_registered', 'unknown'] as const;
export const dtksStatus = z.enum(dtksStatuses);

/** Legal basis for processing personal data (UU 27/2022 Pelindungan Data Pribadi, Pasal 20). */
export const legalBases = ['consent', 'vital_interest', 'legal_obligation', 'public_task'] as const;
export const legalBasis = z.enum(legalBases);

/** Who consented: the person, or a parent/guardian for children and persons under guardianship. */
export const consentGivers = ['self', 'parent', 'guardian'] as const;
export const consentGiver = z.enum(consentGivers);

export const relationships = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
  'guardian',
  'other',
] as const;
export const relationship = z.enum(relationships);

const digits16 = text()
  .trim()
  .regex(/^\d{16}$/, 'validation.sixteen_digits');
const personFields = {
  nik: digits16.nullish().transform((v) => v ?? null),
  nikUnknownReason: nikUnknownReason.nullish().transform((v) => v ?? null),
  /** The worker saw the NIK/birth-date/sex warnings and confirms the data anyway. */
  nikWarningsConfirmed: z.boolean().default(false),
  kkNumber: digits16.nullish().transform((v) => v ?? null),
  fullName: requiredText(2, limits.nameMax),
  aliases: z.array(requiredText(1, limits.nameMax)).max(10).default([]),
  sex,
  birthDate: dateField('birth')
    .nullish()
    .transform((v) => v ?? null),
  /** When only an estimate is known: the year, with `birthDate` left empty. */
  birthYearEstimate: birthYearField()
    .nullish()
    .transform((v) => v ?? null),
  birthPlace: optionalText(100),
  regionCode,
  rt: text()
    .trim()
    .regex(/^\d{1,3}$/, 'validation.rt_rw')
    .nullish()
    .transform((v) => v ?? null),
  rw: text()
    .trim()
    .regex(/^\d{1,3}$/, 'validation.rt_rw')
    .nullish()
    .transform((v) => v ?? null),
  street: optionalText(limits.addressMax),
  phone: text()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'validation.phone')
    .nullish()
    .transform((v) => v ?? null),
  disabilityTypes: z.array(disabilityType).max(disabilityTypes.length).default([]),
  dtksStatus: dtksStatus.default('unknown'),
  dtksDecile: z
    .number()
    .int()
    .min(1)
    .max(10)
    .nullish()
    .transform((v) => v ?? null),
  legalBasis,
  consentBy: consentGiver.nullish().transform((v) => v ?? null),
  consentGuardianName: optionalText(limits.nameMax),
};

type PersonShape = {
  nik: string | null;
  nikUnknownReason: string | null;
  birthDate: string | null;
  birthYearEstimate: number | null;
  legalBasis: string;
  consentBy: string | null;
  consentGuardianName: string | null;
};

/** Rules across fields, each reported on the field to fix. */
const crossChecks = (p: PersonShape, ctx: z.RefinementCtx) => {
  if (!p.nik && !p.nikUnknownReason) {
    ctx.addIssue({ code: 'custom', path: ['nikUnknownReason'], message: 'validation.nik_or_reason' });
  }
  if (!p.birthDate && !p.birthYearEstimate) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation.birth_date_or_estimate' });
  }
  if (p.legalBasis === 'consent' && !p.consentBy) {
    ctx.addIssue({ code: 'custom', path: ['consentBy'], message: 'validation.consent_giver' });
  }
  if ((p.consentBy === 'parent' || p.consentBy === 'guardian') && !p.consentGuardianName) {
    ctx.addIssue({ code: 'custom', path: ['consentGuardianName'], message: 'validation.guardian_name' });
  }
};

/** A person is registered by a centre: the worker's own (their scope, until cases link others). */
export const createPersonInput = z.object({ ...personFields, centerId: z.uuid() }).superRefine(crossChecks);
export type CreatePersonInput = z.infer<typeof createPersonInput>;

export const updatePersonInput = z
  .object({ ...personFields, version: z.number().int().min(1) })
  .superRefine(crossChecks);
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

/** What a list shows: NIK, KK and phone masked (`3201********0003`). */
export const personSummarySchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex,
  birthDate: z.string().nullable(),
  birthYearEstimate: z.number().int().nullable(),
  nikMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  version: z.number().int(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const familyMemberSchema = z.object({
  relatedPersonId: z.uuid(),
  fullName: z.string(),
  relationship,
});

export const personSchema = personSummarySchema.extend({
  nik: z.string().nullable(),
  nikUnknownReason: nikUnknownReason.nullable(),
  nikWarningsConfirmed: z.boolean(),
  kkNumber: z.string().nullable(),
  aliases: z.array(z.string()),
  birthPlace: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  street: z.string().nullable(),
  phone: z.string().nullable(),
  regionLineage: z.array(z.object({ code: z.string(), name: z.string() })),
  disabilityTypes: z.array(disabilityType),
  dtksStatus,
  dtksDecile: z.number().int().nullable(),
  legalBasis,
  consentBy: consentGiver.nullable(),
  consentGuardianName: z.string().nullable(),
  registeredAtCenterId: z.uuid().nullable(),
  family: z.array(familyMemberSchema),
  /**
   * Cases of this person at centres other than the registering one, newest first: who else
   * reads the full record because they serve the person (decision 0017). A sensitive case the
   * reader may not see is `confidential`: that it exists and since when, not where.
   */
  servedElsewhere: z.array(
    z.object({
      confidential: z.boolean(),
      caseNumber: z.string().nullable(),
      centerId: z.uuid().nullable(),
      centerName: z.string().nullable(),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
  /** Records merged into this one, kept for the history. */
  mergedFrom: z.array(z.object({ id: z.uuid(), fullName: z.string(), mergedAt: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** Search by name or NIK travels in the body, never in the URL (personal data stays out of logs and history). */
export const personSearchInput = pageQuery.extend({
  q: text().trim().max(limits.searchMax).optional(),
  regionCode: text().trim().max(20).optional(),
  sex: sex.optional(),
});
export type PersonSearchInput = z.infer<typeof personSearchInput>;
export const personPage = pageOf(personSummarySchema);

/** Likely duplicates of a person being registered, with the reasons. */
export const duplicateCandidateSchema = z.object({
  person: personSummarySchema,
  score: z.number().min(0).max(1),
  reasons: z.array(
    z.enum([
      'nik_exact',
      'name_exact',
      'name_similar',
      'alias',
      'birth_date_exact',
      'birth_date_swapped',
      'birth_year',
      'sex',
      'same_village',
      'same_district',
      'same_regency',
    ]),
  ),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const duplicateQuery = z.object({
  nik: text().trim().max(16).nullish(),
  fullName: requiredText(2, limits.nameMax),
  sex: sex.nullish(),
  birthDate: dateField('birth').nullish(),
  birthYearEstimate: birthYearField().nullish(),
  /** Any level: the form asks while the worker is still choosing the district or the village. */
  regionCode: regionCode.nullish(),
  excludeId: z.uuid().nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type DuplicateQuery = z.infer<typeof duplicateQuery>;

export const addFamilyMemberInput = z.object({ relatedPersonId: z.uuid(), relationship });
export const mergePersonsInput = z.object({
  /** The record that stays. */
  survivorId: z.uuid(),
  /** The record folded into it. */
  mergedId: z.uuid(),
  survivorVersion: z.number().int().min(1),
  mergedVersion: z.number().int().min(1),
  reason: requiredText(5, 500),
});
export type MergePersonsInput = z.infer<typeof mergePersonsInput>;
