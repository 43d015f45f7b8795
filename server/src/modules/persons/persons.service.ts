import {
  type CreatePersonInput,
  maskNik,
  nikWarnings,
  normalizeName,
  type Page,
  type Person,
  type PersonSearchInput,
  type PersonSummary,
  parseNik,
  type UpdatePersonInput,
} from '@atensi/domain';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { sqlState, uniqueViolation } from '../../platform/db/errors.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { getRegionWithLineage, regionExists, regionNames } from '../regions/regions.service.ts';
import { duplicateKeys } from './duplicate-keys.ts';
import { personError } from './persons.errors.ts';
import { personPolicy } from './persons.policy.ts';
import { personMerges, personRelations, persons } from './persons.tables.ts';

export type PersonRow = typeof persons.$inferSelect;

/**
 * Which persons a user may see: all, or those registered at these centres or served by them
 * in a case (`servedBy`: the ids of persons with a case at one of the centres, from the cases
 * module, which owns that fact).
 */
export type PersonScope = 'all' | string[];
export type ServedBy = (centerIds: string[]) => SQL;
/** The person's cases at other centres than the registering one (the cases module owns them). */
export type ServedElsewhere = (
  db: Db,
  personId: string,
  registeredAtCenterId: string | null,
) => Promise<Person['servedElsewhere']>;

export const inScope = (scope: PersonScope, row: Pick<PersonRow, 'registeredAtCenterId'>) =>
  scope === 'all' || (row.registeredAtCenterId !== null && scope.includes(row.registeredAtCenterId));

/** `inScope`, or served in a case at one of the scope's centres. */
export const visibleTo = async (
  db: Db,
  scope: PersonScope,
  row: Pick<PersonRow, 'id' | 'registeredAtCenterId'>,
  servedBy?: ServedBy,
): Promise<boolean> => {
  if (inScope(scope, row)) return true;
  if (scope === 'all' || scope.length === 0 || !servedBy) return false;
  const [hit] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, row.id), inArray(persons.id, servedBy(scope))));
  return Boolean(hit);
};

const birthYearOf = (input: { birthDate: string | null; birthYearEstimate: number | null }) =>
  input.birthDate ? Number(input.birthDate.slice(0, 4)) : input.birthYearEstimate;

/** The columns a summary shows. */
export type SummaryRow = Pick<
  PersonRow,
  | 'id'
  | 'fullName'
  | 'sex'
  | 'birthDate'
  | 'birthYearEstimate'
  | 'nik'
  | 'regionCode'
  | 'mergedIntoId'
  | 'version'
>;

export const toSummary = (row: SummaryRow, names: Map<string, string>): PersonSummary => ({
  id: row.id,
  fullName: row.fullName,
  sex: row.sex as PersonSummary['sex'],
  birthDate: row.birthDate,
  birthYearEstimate: row.birthYearEstimate,
  nikMasked: maskNik(row.nik),
  regionCode: row.regionCode,
  regionName: names.get(row.regionCode) ?? null,
  mergedIntoId: row.mergedIntoId,
  version: row.version,
});

/** The stored columns of a person, derived search columns included (the bulk-load benchmark writes the same). */
export const personColumns = (input: Omit<CreatePersonInput, 'centerId'>) => {
  const derived = {
    nameNormalized: normalizeName(input.fullName),
    aliasesNormalized: [...new Set(input.aliases.map(normalizeName))].join(' | '),
    birthYear: birthYearOf(input),
  };
  return {
    ...storedColumns(input),
    ...derived,
    dupKeys: duplicateKeys({
      ...derived,
      regionCode: input.regionCode,
      sex: input.sex,
      birthDate: input.birthDate,
    }),
  };
};

const storedColumns = (input: Omit<CreatePersonInput, 'centerId'>) => ({
  nik: input.nik,
  nikUnknownReason: input.nik ? null : input.nikUnknownReason,
  nikWarningsConfirmed: input.nikWarningsConfirmed,
  kkNumber: input.kkNumber,
  fullName: input.fullName,
  aliases: [...new Set(input.aliases)],
  sex: input.sex,
  birthDate: input.birthDate,
  birthYearEstimate: input.birthDate ? null : input.birthYearEstimate,
  birthPlace: input.birthPlace,
  regionCode: input.regionCode,
  rt: input.rt,
  rw: input.rw,
  street: input.street,
  phone: input.phone,
  disabilityTypes: [...new Set(input.disabilityTypes)],
  dtksStatus: input.dtksStatus,
  dtksDecile: input.dtksStatus === 'registered' ? input.dtksDecile : null,
  legalBasis: input.legalBasis,
  consentBy: input.consentBy,
  consentGuardianName: input.consentBy === 'self' ? null : input.consentGuardianName,
});

/** Audit view: derived search columns left out; NIK, KK and phone are masked by diffRecords. */
export const auditIgnore = ['nameNormalized', 'aliasesNormalized', 'birthYear', 'dupKeys'];

const nikProblemText: Record<string, { id: string; en: string }> = {
  length: { id: 'harus 16 digit', en: 'must have 16 digits' },
  digits: { id: 'hanya angka', en: 'digits only' },
  region_format: {
    id: 'kode wilayah (6 digit pertama) tidak mungkin',
    en: 'the region code (first 6 digits) is impossible',
  },
  region_unknown: {
    id: 'kode kecamatan (6 digit pertama) tidak ada',
    en: 'no district has the first 6 digits',
  },
  birth_date: {
    id: 'tanggal lahir di dalam NIK tidak mungkin',
    en: 'the birth date inside the NIK is impossible',
  },
  sequence: { id: 'nomor urut 0000 tidak mungkin', en: 'sequence 0000 is impossible' },
};

const warningFields: Record<string, string> = {
  birth_date_mismatch: 'birthDate',
  birth_year_mismatch: 'birthYearEstimate',
  sex_mismatch: 'sex',
};
const warningText: Record<string, { id: string; en: string }> = {
  birth_date_mismatch: {
    id: 'Tanggal lahir berbeda dengan yang tertulis di NIK.',
    en: 'The date of birth differs from the one in the NIK.',
  },
  birth_year_mismatch: {
    id: 'Perkiraan tahun lahir jauh dari tahun di NIK.',
    en: 'The estimated birth year is far from the year in the NIK.',
  },
  sex_mismatch: {
    id: 'Jenis kelamin berbeda dengan yang tertulis di NIK (tanggal +40 untuk perempuan).',
    en: 'The sex differs from the NIK (day +40 for women).',
  },
};

/**
 * The NIK must be well formed and name a real district; disagreements with the birth date
 * or sex are warnings the worker confirms (422 until `nikWarningsConfirmed`).
 */
const checkNik = async (db: Db, input: Omit<CreatePersonInput, 'centerId'>) => {
  if (!(await regionExists(db, input.regionCode))) {
    const message = personError('person.region_unknown', { code: input.regionCode }).localised;
    throw personError('person.region_unknown', { code: input.regionCode }, [{ path: 'regionCode', message }]);
  }
  if (!input.nik) return;
  const parsed = parseNik(input.nik);
  const problem = parsed.ok
    ? (await regionExists(db, parsed.districtCode))
      ? null
      : 'region_unknown'
    : parsed.problem;
  if (problem) {
    const text = nikProblemText[problem] ?? { id: problem, en: problem };
    const error = (lang: 'id' | 'en') =>
      personError('person.nik_invalid', { problem: text[lang] }).localised[lang];
    throw personError('person.nik_invalid', { problem: text.id }, [
      { path: 'nik', message: { id: error('id'), en: error('en') } },
    ]);
  }
  const warnings = nikWarnings(input.nik, input);
  if (warnings.length > 0 && !input.nikWarningsConfirmed) {
    throw personError(
      'person.nik_warnings',
      {},
      warnings.map((w) => ({ path: warningFields[w] ?? 'nik', message: warningText[w] ?? { id: w, en: w } })),
      { warnings },
    );
  }
};

const liveByNik = async (db: Db, nik: string, exceptId?: string) => {
  const [row] = await db
    .select({
      id: persons.id,
      fullName: persons.fullName,
      registeredAtCenterId: persons.registeredAtCenterId,
    })
    .from(persons)
    .where(
      and(
        eq(persons.nik, nik),
        isNull(persons.mergedIntoId),
        exceptId ? sql`${persons.id} <> ${exceptId}` : undefined,
      ),
    );
  return row ?? null;
};

type ExistingByNik = { id: string; fullName: string; registeredAtCenterId: string | null };

/**
 * The NIK is someone's already. Who may see that record is told whose (and may open it);
 * who may not is told only that it is registered at another balai, with its id to serve them
 * with proof of identity (decision 0017): typing a NIK is no way to learn a name.
 */
const nikTaken = async (
  db: Db,
  existing: ExistingByNik,
  seer: { scope: PersonScope; servedBy?: ServedBy },
) => {
  if (!(await visibleTo(db, seer.scope, existing, seer.servedBy))) {
    return personError(
      'person.nik_exists_elsewhere',
      {},
      [{ path: 'nik', message: personError('person.nik_exists_elsewhere').localised }],
      { existingPersonId: existing.id, visible: false },
    );
  }
  return personError(
    'person.nik_exists',
    { name: existing.fullName },
    [{ path: 'nik', message: personError('person.nik_exists', { name: existing.fullName }).localised }],
    { existingPersonId: existing.id, visible: true },
  );
};

/** A concurrent registration of the same NIK loses on the unique index: answer as if we had seen it. */
const rethrowNikRace = async (
  db: Db,
  error: unknown,
  nik: string | null,
  seer: { scope: PersonScope; servedBy?: ServedBy },
) => {
  if (sqlState(error) === uniqueViolation && nik) {
    const existing = await liveByNik(db, nik);
    if (existing) throw await nikTaken(db, existing, seer);
  }
  throw error;
};

export const createPerson = async (opts: {
  db: Db;
  context: AuditContext;
  input: CreatePersonInput;
  /** Who else the registering centre sees (served there), for the answer when the NIK is taken. */
  servedBy?: ServedBy;
}): Promise<string> => {
  const { db, context, input } = opts;
  const seer = { scope: [input.centerId], servedBy: opts.servedBy };
  await checkNik(db, input);
  if (input.nik) {
    const existing = await liveByNik(db, input.nik);
    if (existing) throw await nikTaken(db, existing, seer);
  }
  const id = uuidv7();
  try {
    await withAudit(db, context, async (tx, audit) => {
      const [row] = await tx
        .insert(persons)
        .values({ id, ...personColumns(input), registeredAtCenterId: input.centerId })
        .returning();
      audit({
        action: 'create',
        entity: 'person',
        entityId: id,
        changes: diffRecords(null, row!, { ignore: auditIgnore }),
      });
    });
  } catch (error) {
    await rethrowNikRace(db, error, input.nik, seer);
  }
  return id;
};

/** The row, or null when there is none. */
export const findPerson = async (db: Db, id: string): Promise<PersonRow | null> => {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
};

export const loadPerson = async (db: Db, id: string): Promise<PersonRow> => {
  const row = await findPerson(db, id);
  if (!row) throw personError('person.not_found');
  return row;
};

export const updatePerson = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  input: UpdatePersonInput;
  scope: PersonScope;
  servedBy?: ServedBy;
}): Promise<void> => {
  const { db, context, id, input, scope } = opts;
  const seer = { scope, servedBy: opts.servedBy };
  await checkNik(db, input);
  if (input.nik) {
    const existing = await liveByNik(db, input.nik, id);
    if (existing) throw await nikTaken(db, existing, seer);
  }
  try {
    await withAudit(db, context, async (tx, audit) => {
      const [before] = await tx.select().from(persons).where(eq(persons.id, id)).for('update');
      if (!before || !inScope(scope, before)) throw personError('person.not_found');
      if (before.mergedIntoId) throw personError('person.already_merged');
      if (before.version !== input.version) throw personError('person.version_conflict');
      const [after] = await tx
        .update(persons)
        .set({ ...personColumns(input), version: before.version + 1, updatedAt: new Date() })
        .where(eq(persons.id, id))
        .returning();
      audit({
        action: 'update',
        entity: 'person',
        entityId: id,
        changes: diffRecords(before, after!, { ignore: auditIgnore }),
      });
    });
  } catch (error) {
    await rethrowNikRace(db, error, input.nik, seer);
  }
};

/**
 * The full record, for users in scope. Reading it (full NIK, KK, phone, health) is itself
 * audited: the log shows who looked at whom.
 */
export const readPerson = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  scope: PersonScope;
  servedBy?: ServedBy;
  servedElsewhere?: ServedElsewhere;
}): Promise<Person> => {
  const { db, context, id, scope } = opts;
  const row = await loadPerson(db, id);
  if (!(await visibleTo(db, scope, row, opts.servedBy))) throw personError('person.not_found');
  const [relations, merges, lineage, elsewhere] = await Promise.all([
    db
      .select({
        relatedPersonId: personRelations.relatedPersonId,
        relationship: personRelations.relationship,
        fullName: persons.fullName,
      })
      .from(personRelations)
      .innerJoin(persons, eq(persons.id, personRelations.relatedPersonId))
      .where(eq(personRelations.personId, id))
      .orderBy(asc(persons.fullName)),
    db
      .select({ id: personMerges.mergedId, fullName: persons.fullName, mergedAt: personMerges.mergedAt })
      .from(personMerges)
      .innerJoin(persons, eq(persons.id, personMerges.mergedId))
      .where(eq(personMerges.survivorId, id))
      .orderBy(asc(personMerges.mergedAt)),
    getRegionWithLineage(db, row.regionCode),
    opts.servedElsewhere ? opts.servedElsewhere(db, id, row.registeredAtCenterId) : Promise.resolve([]),
  ]);
  await withAudit(db, context, async (_tx, audit) => {
    audit({ action: 'read', entity: 'person', entityId: id, changes: [] });
  });
  const names = new Map((lineage?.lineage ?? []).map((r) => [r.code, r.name]));
  return {
    ...toSummary(row, names),
    nik: row.nik,
    nikUnknownReason: row.nikUnknownReason as Person['nikUnknownReason'],
    nikWarningsConfirmed: row.nikWarningsConfirmed,
    kkNumber: row.kkNumber,
    aliases: row.aliases,
    birthPlace: row.birthPlace,
    rt: row.rt,
    rw: row.rw,
    street: row.street,
    phone: row.phone,
    regionLineage: (lineage?.lineage ?? []).map((r) => ({ code: r.code, name: r.name })),
    disabilityTypes: row.disabilityTypes as Person['disabilityTypes'],
    dtksStatus: row.dtksStatus as Person['dtksStatus'],
    dtksDecile: row.dtksDecile,
    legalBasis: row.legalBasis as Person['legalBasis'],
    consentBy: row.consentBy as Person['consentBy'],
    consentGuardianName: row.consentGuardianName,
    registeredAtCenterId: row.registeredAtCenterId,
    family: relations.map((r) => ({
      ...r,
      relationship: r.relationship as Person['family'][number]['relationship'],
    })),
    servedElsewhere: elsewhere,
    mergedFrom: merges.map((m) => ({ id: m.id, fullName: m.fullName, mergedAt: m.mergedAt.toISOString() })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};

export const summariesOf = async (db: Db, rows: SummaryRow[]): Promise<PersonSummary[]> => {
  const names = await regionNames(db, [...new Set(rows.map((r) => r.regionCode))]);
  return rows.map((r) => toSummary(r, names));
};

const nikQuery = (db: Db) =>
  db
    .select()
    .from(persons)
    .where(and(eq(persons.nik, sql.placeholder('nik')), isNull(persons.mergedIntoId)))
    .prepare('atensi_person_by_live_nik');
const preparedNikQuery = new WeakMap<Db, ReturnType<typeof nikQuery>>();

/**
 * An exact NIK (the registration desk's everyday question): at most one live row through the
 * unique index, a prepared statement, the scope checked on that row; no count needed.
 */
const searchByNik = async (
  db: Db,
  nik: string,
  input: PersonSearchInput,
  scope: PersonScope,
  servedBy?: ServedBy,
): Promise<Page<PersonSummary>> => {
  let query = preparedNikQuery.get(db);
  if (!query) {
    query = nikQuery(db);
    preparedNikQuery.set(db, query);
  }
  const [row] = await query.execute({ nik });
  const found =
    row !== undefined && (!input.sex || row.sex === input.sex) && (await visibleTo(db, scope, row, servedBy));
  return {
    items: await summariesOf(db, found && input.page === 1 ? [row] : []),
    total: found ? 1 : 0,
    page: input.page,
    pageSize: input.pageSize,
  };
};

/** Name (any spelling variant), exact NIK, within the caller's scope; merged records left out. */
export const searchPersons = async (
  db: Db,
  input: PersonSearchInput,
  scope: PersonScope,
  servedBy?: ServedBy,
): Promise<Page<PersonSummary>> => {
  const nik = input.q?.trim() ?? '';
  if (/^\d{16}$/.test(nik) && !input.regionCode) return searchByNik(db, nik, input, scope, servedBy);
  const conditions: SQL[] = [isNull(persons.mergedIntoId)];
  if (scope !== 'all') {
    if (scope.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
    const registered = inArray(persons.registeredAtCenterId, scope);
    conditions.push(servedBy ? (or(registered, inArray(persons.id, servedBy(scope))) as SQL) : registered);
  }
  const q = input.q?.trim() ?? '';
  let order: SQL[] = [asc(persons.fullName), asc(persons.id)];
  if (/^\d{16}$/.test(q)) {
    conditions.push(eq(persons.nik, q));
  } else if (q !== '') {
    const norm = normalizeName(q);
    const like = `%${norm.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${persons.nameNormalized} like ${like}`,
        sql`${persons.aliasesNormalized} like ${like}`,
        sql`${persons.nameNormalized} % ${norm}`,
      ) as SQL,
    );
    order = [sql`similarity(${persons.nameNormalized}, ${norm}) desc`, ...order];
  }
  if (input.regionCode) conditions.push(sql`${persons.regionCode} like ${`${input.regionCode}%`}`);
  if (input.sex) conditions.push(eq(persons.sex, input.sex));
  const where = and(...conditions);
  const offset = (input.page - 1) * input.pageSize;
  const rows = await db
    .select()
    .from(persons)
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset(offset);
  // A page that is not full ends the list, so it already tells the total (a NIK lookup, most
  // name searches); only a full page, or an empty one past the first, needs the count.
  const known = rows.length < input.pageSize && (rows.length > 0 || offset === 0);
  const [items, total] = await Promise.all([
    summariesOf(db, rows),
    known
      ? offset + rows.length
      : db
          .select({ n: sql<number>`count(*)::int` })
          .from(persons)
          .where(where)
          .then(([count]) => Number(count?.n ?? 0)),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize };
};

/** For other modules: a live (not merged) person's summary, or null. */
export const livePersonSummary = async (db: Db, id: string): Promise<PersonSummary | null> => {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), isNull(persons.mergedIntoId)));
  if (!row) return null;
  return (await summariesOf(db, [row]))[0] ?? null;
};

export const personSummariesByIds = async (db: Db, ids: string[]): Promise<Map<string, PersonSummary>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(persons).where(inArray(persons.id, ids));
  return new Map((await summariesOf(db, rows)).map((p) => [p.id, p]));
};

/** Ids of live persons whose NIK is `q` or whose name matches it (any spelling); bounded. */
export const matchingPersonIds = async (db: Db, q: string, limit = 500): Promise<string[]> => {
  const norm = normalizeName(q);
  const condition = /^\d{16}$/.test(q)
    ? eq(persons.nik, q)
    : or(
        sql`${persons.nameNormalized} like ${`%${norm.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
        sql`${persons.nameNormalized} % ${norm}`,
      );
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(isNull(persons.mergedIntoId), condition))
    .limit(limit);
  return rows.map((r) => r.id);
};

/** Which persons the actor reads in full (before `servedBy` widens it): for other modules' documents. */
export const personReadScope = (actor: Actor | null): PersonScope => centerScope(actor, personPolicy.read);

/** A person as a document prints them for one reader. */
export type DocumentPerson = {
  /** The reader may read the person in full (registered at or served by one of their centres, or central). */
  inFull: boolean;
  fullName: string;
  /** The full NIK, only when `inFull`. */
  nik: string | null;
  nikMasked: string | null;
  sex: string;
  /** Birth and address only when `inFull`: a reader without the person sees what the case answer shows. */
  birthDate: string | null;
  birthYearEstimate: number | null;
  birthPlace: string | null;
  address: string | null;
};

/**
 * What a document about a person states for this reader (a document shows what its reader may
 * read, no more): everything when the reader may read the person, else the name and the masked
 * NIK. Read without a second audit row (the caller audits the document).
 */
export const personForDocument = async (
  db: Db,
  id: string,
  reader: { scope: PersonScope; servedBy?: ServedBy },
): Promise<DocumentPerson> => {
  const row = await loadPerson(db, id);
  if (!(await visibleTo(db, reader.scope, row, reader.servedBy))) {
    return {
      inFull: false,
      fullName: row.fullName,
      nik: null,
      nikMasked: maskNik(row.nik),
      sex: row.sex,
      birthDate: null,
      birthYearEstimate: null,
      birthPlace: null,
      address: null,
    };
  }
  const lineage = await getRegionWithLineage(db, row.regionCode);
  const place = (lineage?.lineage ?? [])
    .map((r) => r.name)
    .reverse()
    .join(', ');
  const rtRw = row.rt || row.rw ? `RT ${row.rt ?? '-'}/RW ${row.rw ?? '-'}` : null;
  return {
    inFull: true,
    fullName: row.fullName,
    nik: row.nik,
    nikMasked: maskNik(row.nik),
    sex: row.sex,
    birthDate: row.birthDate,
    birthYearEstimate: row.birthYearEstimate,
    birthPlace: row.birthPlace,
    address: [row.street, rtRw, place].filter(Boolean).join(', '),
  };
};
