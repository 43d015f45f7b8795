import {
  type ApiErrorField,
  birthYearField,
  type consentGivers,
  type DuplicateQuery,
  dateField,
  type disabilityTypes,
  type dtksStatuses,
  isValidationMessageKey,
  type Locale,
  type legalBases,
  levelOfCode,
  type Me,
  type nikUnknownReasons,
  type Person,
  type Sex,
  validationMessage,
} from '@atensi/domain';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { issueMessage, type Translate, type ValidationIssue } from '../../lib/validation';

export type NikUnknownReason = (typeof nikUnknownReasons)[number];
export type DisabilityType = (typeof disabilityTypes)[number];
export type DtksStatus = (typeof dtksStatuses)[number];
export type LegalBasis = (typeof legalBases)[number];
export type ConsentGiver = (typeof consentGivers)[number];

/** What the form holds: text inputs are strings, the year `number | ''`, selects `'' ` when empty. */
export type PersonFormValues = {
  centerId: string;
  nikUnknown: boolean;
  nik: string;
  nikUnknownReason: NikUnknownReason | '';
  kkNumber: string;
  fullName: string;
  aliases: string[];
  sex: Sex | '';
  birthDateUnknown: boolean;
  birthDate: string;
  birthYearEstimate: number | string;
  birthPlace: string;
  regionCode: string;
  rt: string;
  rw: string;
  street: string;
  phone: string;
  disabilityTypes: DisabilityType[];
  dtksStatus: DtksStatus;
  /** `'1'`…`'10'` (a select), or `''`. */
  dtksDecile: string;
  legalBasis: LegalBasis | '';
  consentBy: ConsentGiver | '';
  consentGuardianName: string;
  nikWarningsConfirmed: boolean;
};

export const emptyPersonValues = (centerId = ''): PersonFormValues => ({
  centerId,
  nikUnknown: false,
  nik: '',
  nikUnknownReason: '',
  kkNumber: '',
  fullName: '',
  aliases: [],
  sex: '',
  birthDateUnknown: false,
  birthDate: '',
  birthYearEstimate: '',
  birthPlace: '',
  regionCode: '',
  rt: '',
  rw: '',
  street: '',
  phone: '',
  disabilityTypes: [],
  dtksStatus: 'unknown',
  dtksDecile: '',
  legalBasis: '',
  consentBy: '',
  consentGuardianName: '',
  nikWarningsConfirmed: false,
});

export const personToValues = (p: Person): PersonFormValues => ({
  centerId: p.registeredAtCenterId ?? '',
  nikUnknown: p.nik === null,
  nik: p.nik ?? '',
  nikUnknownReason: p.nikUnknownReason ?? '',
  kkNumber: p.kkNumber ?? '',
  fullName: p.fullName,
  aliases: [...p.aliases],
  sex: p.sex,
  birthDateUnknown: p.birthDate === null,
  birthDate: p.birthDate ?? '',
  birthYearEstimate: p.birthYearEstimate ?? '',
  birthPlace: p.birthPlace ?? '',
  regionCode: p.regionCode,
  rt: p.rt ?? '',
  rw: p.rw ?? '',
  street: p.street ?? '',
  phone: p.phone ?? '',
  disabilityTypes: [...p.disabilityTypes],
  dtksStatus: p.dtksStatus,
  dtksDecile: p.dtksDecile === null ? '' : String(p.dtksDecile),
  legalBasis: p.legalBasis,
  consentBy: p.consentBy ?? '',
  consentGuardianName: p.consentGuardianName ?? '',
  nikWarningsConfirmed: p.nikWarningsConfirmed,
});

const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

const toYear = (v: number | string): number | null => {
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isNaN(n) ? Number.NaN : n;
};

/**
 * The raw object handed to the domain schema. Only the branch the switches chose is sent:
 * NIK or the reason it is unknown, the birth date or the estimated year, and the
 * guardian's name only when a parent or guardian consented.
 */
export const valuesToInput = (v: PersonFormValues) => {
  const guardian = v.consentBy === 'parent' || v.consentBy === 'guardian';
  return {
    nik: v.nikUnknown ? null : blankToNull(v.nik),
    nikUnknownReason: v.nikUnknown ? v.nikUnknownReason || null : null,
    nikWarningsConfirmed: v.nikWarningsConfirmed,
    kkNumber: blankToNull(v.kkNumber),
    fullName: v.fullName,
    aliases: v.aliases.map((a) => a.trim()).filter((a) => a !== ''),
    sex: v.sex === '' ? undefined : v.sex,
    birthDate: v.birthDateUnknown ? null : blankToNull(v.birthDate),
    birthYearEstimate: v.birthDateUnknown ? toYear(v.birthYearEstimate) : null,
    birthPlace: blankToNull(v.birthPlace),
    regionCode: v.regionCode,
    rt: blankToNull(v.rt),
    rw: blankToNull(v.rw),
    street: blankToNull(v.street),
    phone: blankToNull(v.phone),
    disabilityTypes: v.disabilityTypes,
    dtksStatus: v.dtksStatus,
    dtksDecile: v.dtksStatus === 'registered' && v.dtksDecile !== '' ? Number(v.dtksDecile) : null,
    legalBasis: v.legalBasis === '' ? undefined : v.legalBasis,
    consentBy: v.consentBy === '' ? null : v.consentBy,
    consentGuardianName: guardian ? blankToNull(v.consentGuardianName) : null,
  };
};

/**
 * Where an error about a schema field is shown. The cross-field rules name the field to fix,
 * but while "NIK tidak diketahui" is off the reason select is hidden, so the NIK gets it; the
 * same for the birth date while only an estimate is asked for.
 */
export const formPathOf = (path: string, v: Pick<PersonFormValues, 'nikUnknown' | 'birthDateUnknown'>) => {
  if (path === 'nikUnknownReason' && !v.nikUnknown) return 'nik';
  if (path === 'nik' && v.nikUnknown) return 'nikUnknownReason';
  if (path === 'birthDate' && v.birthDateUnknown) return 'birthYearEstimate';
  if (path === 'birthYearEstimate' && !v.birthDateUnknown) return 'birthDate';
  return path;
};

/** List-valued fields are one input each, so their item errors show on the field. */
const listFields: readonly string[] = ['aliases', 'disabilityTypes'];

const remap = (errors: Record<string, string>, v: PersonFormValues): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = formPathOf(path, v);
    if (!(key in out)) out[key] = message;
  }
  return out;
};

type CrossInput = {
  nik?: unknown;
  nikUnknownReason?: unknown;
  birthDate?: unknown;
  birthYearEstimate?: unknown;
  legalBasis?: unknown;
  consentBy?: unknown;
  consentGuardianName?: unknown;
};

/**
 * Zod runs the schema's cross-field rules only once every single field is valid, so a form
 * with a missing sex would not yet say that the NIK or its reason is missing. These are the
 * same four rules (same message keys) as `crossChecks` in the domain, reported up front.
 */
const crossFieldIssues = (input: unknown, issues: readonly ValidationIssue[]): ValidationIssue[] => {
  const p = (input ?? {}) as CrossInput;
  const seen = new Set(issues.map((i) => i.message));
  const out: ValidationIssue[] = [];
  const add = (path: string, message: string) => {
    if (!seen.has(message)) out.push({ code: 'custom', path: [path], message });
  };
  if (!p.nik && !p.nikUnknownReason) add('nikUnknownReason', 'validation.nik_or_reason');
  if (!p.birthDate && (p.birthYearEstimate === null || p.birthYearEstimate === undefined)) {
    add('birthDate', 'validation.birth_date_or_estimate');
  }
  if (p.legalBasis === 'consent' && !p.consentBy) add('consentBy', 'validation.consent_giver');
  if ((p.consentBy === 'parent' || p.consentBy === 'guardian') && !p.consentGuardianName) {
    add('consentGuardianName', 'validation.guardian_name');
  }
  return out;
};

/**
 * Client-side errors from the domain schema, keyed by form path. The cross-field rules carry
 * their own sentence ("Isi NIK, atau pilih alasan…"), which says more than "Wajib diisi".
 */
export const personIssuesToErrors = (
  issues: readonly ValidationIssue[],
  input: unknown,
  values: PersonFormValues,
  t: Translate,
  lang: Locale,
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of [...issues, ...crossFieldIssues(input, issues)]) {
    const path = issue.path.map(String).join('.');
    const top = path.split('.')[0] ?? path;
    const key = formPathOf(listFields.includes(top) ? top : path, values);
    if (key in errors) continue;
    errors[key] =
      issue.code === 'custom' && issue.message && isValidationMessageKey(issue.message)
        ? validationMessage(issue.message, lang, issue.params)
        : issueMessage(issue, input, t, lang);
  }
  if (!errors.regionCode && values.regionCode !== '' && levelOfCode(values.regionCode) !== 'village') {
    errors.regionCode = t('persons.villageRequired');
  }
  return errors;
};

/** Server `fields` on the form's fields (same remapping as the client rules). */
export const serverErrorsToForm = (fields: readonly ApiErrorField[] | undefined, v: PersonFormValues) =>
  remap(fieldErrorsToForm(fields, listFields), v);

const birthDateField = dateField('birth');
const birthYearSchema = birthYearField();

/**
 * The duplicate check for what is typed so far, or null when there is too little to go on:
 * a name of at least 3 letters plus sex, birth date (or year) or region, or a complete NIK
 * on its own (an existing NIK must show at once). `fullName` is required by the API, so with
 * a NIK and no name yet the NIK stands in for it.
 */
export const duplicateQueryFrom = (v: PersonFormValues, excludeId?: string | null): DuplicateQuery | null => {
  const name = v.fullName.trim();
  const nik = v.nikUnknown ? '' : v.nik.trim();
  const nikComplete = /^\d{16}$/.test(nik);
  // Only what the finder takes: a date or year still being typed (or out of range) is left out.
  const birthDate = !v.birthDateUnknown && birthDateField.safeParse(v.birthDate).success ? v.birthDate : null;
  const year = v.birthDateUnknown ? toYear(v.birthYearEstimate) : null;
  const birthYearEstimate = year !== null && birthYearSchema.safeParse(year).success ? year : null;
  const sex = v.sex === '' ? null : v.sex;
  const regionCode = v.regionCode === '' ? null : v.regionCode;
  const enoughName =
    name.length >= 3 &&
    (sex !== null || birthDate !== null || birthYearEstimate !== null || regionCode !== null);
  if (!enoughName && !nikComplete) return null;
  return {
    nik: nikComplete ? nik : null,
    fullName: name.length >= 2 ? name : nik,
    sex,
    birthDate,
    birthYearEstimate,
    regionCode,
    excludeId: excludeId ?? null,
    limit: 10,
  };
};

/** The query that finds duplicates of a saved person (for merging). */
export const duplicateQueryForPerson = (p: Person): DuplicateQuery => ({
  nik: p.nik,
  fullName: p.fullName,
  sex: p.sex,
  birthDate: p.birthDate,
  birthYearEstimate: p.birthYearEstimate,
  regionCode: p.regionCode,
  excludeId: p.id,
  limit: 20,
});

/** Roles that register persons for their centre. */
const registeringRoles = new Set(['social_worker', 'center_head', 'desk_officer']);

/** The centres the user may register a person for, each once, in the order of their roles. */
export const registeringCenters = (me: Pick<Me, 'roles'>): { id: string; name: string }[] => {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if (registeringRoles.has(r.role) && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/** The fields a NIK warning may be about: sex, date of birth, estimated year. */
export const nikWarningFields = ['sex', 'birthDate', 'birthYearEstimate'] as const;

/** True when a field the NIK is checked against differs between two sets of values. */
export const nikCheckedFieldsChanged = (a: PersonFormValues, b: PersonFormValues): boolean =>
  a.nik !== b.nik ||
  a.nikUnknown !== b.nikUnknown ||
  a.sex !== b.sex ||
  a.birthDate !== b.birthDate ||
  a.birthDateUnknown !== b.birthDateUnknown ||
  String(a.birthYearEstimate) !== String(b.birthYearEstimate);
