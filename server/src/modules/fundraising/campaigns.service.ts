import {
  type Campaign,
  type CampaignListInput,
  type CampaignSummary,
  type CreateCampaignInput,
  campaignInputProblems,
  type Page,
} from '@atensi/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import type { CaseViewer } from '../cases/case-visibility.ts';
import { type CaseRow, loadCase } from '../cases/cases.service.ts';
import { centerNames } from '../centers/centers.service.ts';
import {
  beneficiaryIdentifiers,
  caseFor,
  caseToWorkOn,
  hasCaseAccess,
  visibleCaseIds,
} from './campaign-cases.ts';
import { fundraisingError, ruleProblemsError } from './fundraising.errors.ts';
import { fundraisingCampaigns, fundraisingDisbursements, fundraisingUpdates } from './fundraising.tables.ts';

export type CampaignRow = typeof fundraisingCampaigns.$inferSelect;

/** Fields whose values never reach the audit log in clear. */
export const campaignPersonalFields = ['consentGiverName'];

/** Title and story against the beneficiary's numbers and the sensitive words; platform name; dates. */
export const checkCampaignInput = async (
  db: Db,
  caseRow: CaseRow,
  input: Parameters<typeof campaignInputProblems>[0],
) => {
  const problems = campaignInputProblems(input, await beneficiaryIdentifiers(db, caseRow));
  if (problems.length > 0) throw ruleProblemsError(problems);
};

/** A draft campaign for a case the viewer works on (its assigned worker or the centre head). */
export const createCampaign = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  input: CreateCampaignInput;
}): Promise<string> => {
  const { db, context, viewer, input } = opts;
  const caseRow = await caseToWorkOn(db, viewer, input.caseId);
  await checkCampaignInput(db, caseRow, input);
  const id = uuidv7();
  await withAudit(db, context, async (tx, audit) => {
    const [row] = await tx
      .insert(fundraisingCampaigns)
      .values({
        id,
        caseId: caseRow.id,
        platform: input.platform,
        platformName: input.platform === 'other' ? input.platformName : null,
        campaignUrl: input.campaignUrl,
        purpose: input.purpose,
        title: input.title,
        story: input.story,
        targetRupiah: input.targetRupiah,
        status: 'draft',
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdById: context.actorId,
        createdByName: context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'fundraising_campaign',
      entityId: id,
      changes: diffRecords(null, row!, { ignore: ['id'], personal: campaignPersonalFields }),
    });
  });
  return id;
};

const toSummary = (row: CampaignRow, caseRow: CaseRow, names: Map<string, string>): CampaignSummary => ({
  id: row.id,
  caseId: row.caseId,
  caseNumber: caseRow.number,
  centerId: caseRow.centerId,
  centerName: names.get(caseRow.centerId) ?? null,
  platform: row.platform as CampaignSummary['platform'],
  platformName: row.platformName,
  purpose: row.purpose as CampaignSummary['purpose'],
  title: row.title,
  status: row.status as CampaignSummary['status'],
  targetRupiah: row.targetRupiah,
  raisedRupiah: row.raisedRupiah,
  disbursedRupiah: row.disbursedRupiah,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** Summaries of campaigns whose cases the viewer may see (`caseRows`: those cases, by id). */
const summaries = async (rows: CampaignRow[], caseRows: Map<string, CaseRow>, db: Db) => {
  const names = await centerNames(db, [...new Set([...caseRows.values()].map((c) => c.centerId))]);
  return rows.map((r) => toSummary(r, caseRows.get(r.caseId)!, names));
};

/** Campaigns of the cases the viewer may see, filtered; search by title. */
export const listCampaigns = async (
  db: Db,
  viewer: CaseViewer,
  input: CampaignListInput,
): Promise<Page<CampaignSummary>> => {
  const conditions: SQL[] = [
    inArray(fundraisingCampaigns.caseId, visibleCaseIds(db, viewer, input.centerId)),
  ];
  if (input.status) conditions.push(eq(fundraisingCampaigns.status, input.status));
  if (input.platform) conditions.push(eq(fundraisingCampaigns.platform, input.platform));
  const q = input.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${fundraisingCampaigns.title} ilike ${like}`);
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(fundraisingCampaigns)
      .where(where)
      .orderBy(desc(fundraisingCampaigns.createdAt), asc(fundraisingCampaigns.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(fundraisingCampaigns).where(where),
  ]);
  // The cases of this page, through the cases service; the rule is checked again per row
  // (a case reassigned since the query above drops out of the page rather than failing it).
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const caseRows = new Map((await Promise.all(caseIds.map((id) => loadCase(db, id)))).map((c) => [c.id, c]));
  const visible = rows.filter((r) => hasCaseAccess(viewer, caseRows.get(r.caseId)!, 'see'));
  return {
    items: await summaries(visible, caseRows, db),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

/** The campaigns of one case, newest first, for the case page. */
export const campaignsOfCase = async (
  db: Db,
  viewer: CaseViewer,
  caseId: string,
): Promise<{ items: CampaignSummary[]; canCreate: boolean }> => {
  const caseRow = await caseFor(db, viewer, caseId, 'see', () =>
    fundraisingError('fundraising.case_not_found'),
  );
  const rows = await db
    .select()
    .from(fundraisingCampaigns)
    .where(eq(fundraisingCampaigns.caseId, caseId))
    .orderBy(desc(fundraisingCampaigns.createdAt), asc(fundraisingCampaigns.id));
  const items = await summaries(rows, new Map([[caseId, caseRow]]), db);
  return { items, canCreate: hasCaseAccess(viewer, caseRow, 'work') };
};

/**
 * The whole campaign: consent, the raised amount's history and the disbursements. Reading a
 * campaign of a sensitive case writes an audit row, as reading the case does.
 */
export const readCampaign = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
}): Promise<Campaign> => {
  const { db, context, viewer, id } = opts;
  const [row] = await db.select().from(fundraisingCampaigns).where(eq(fundraisingCampaigns.id, id));
  if (!row) throw fundraisingError('fundraising.not_found');
  const caseRow = await caseFor(db, viewer, row.caseId, 'see');
  const [updates, disbursements, names] = await Promise.all([
    db
      .select()
      .from(fundraisingUpdates)
      .where(eq(fundraisingUpdates.campaignId, id))
      .orderBy(asc(fundraisingUpdates.createdAt), asc(fundraisingUpdates.id)),
    db
      .select()
      .from(fundraisingDisbursements)
      .where(eq(fundraisingDisbursements.campaignId, id))
      .orderBy(asc(fundraisingDisbursements.createdAt), asc(fundraisingDisbursements.id)),
    centerNames(db, [caseRow.centerId]),
  ]);
  if (caseRow.sensitive) {
    await withAudit(db, context, async (_tx, audit) =>
      audit({ action: 'read', entity: 'fundraising_campaign', entityId: id, changes: [] }),
    );
  }
  return {
    ...toSummary(row, caseRow, names),
    campaignUrl: row.campaignUrl,
    story: row.story,
    consent:
      row.consentGivenBy && row.consentedOn && row.consentRecordedAt
        ? {
            givenBy: row.consentGivenBy as NonNullable<Campaign['consent']>['givenBy'],
            giverName: row.consentGiverName ?? '',
            consentedOn: row.consentedOn,
            publishStory: row.consentPublishStory ?? false,
            publishPhoto: row.consentPublishPhoto ?? false,
            documentNumber: row.consentDocumentNumber,
            recordedBy: row.consentRecordedBy,
            recordedAt: row.consentRecordedAt.toISOString(),
          }
        : null,
    updates: updates.map((u) => ({
      id: u.id,
      reportedOn: u.reportedOn,
      raisedRupiah: u.raisedRupiah,
      previousRaisedRupiah: u.previousRaisedRupiah,
      note: u.note,
      by: u.byName,
      at: u.createdAt.toISOString(),
    })),
    disbursements: disbursements.map((d) => ({
      id: d.id,
      disbursedOn: d.disbursedOn,
      amountRupiah: d.amountRupiah,
      method: d.method as Campaign['disbursements'][number]['method'],
      recipientName: d.recipientName,
      proofNumber: d.proofNumber,
      note: d.note,
      by: d.byName,
      at: d.createdAt.toISOString(),
    })),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeNote: row.closeNote,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    can: { manage: hasCaseAccess(viewer, caseRow, 'work'), disburse: hasCaseAccess(viewer, caseRow, 'head') },
  };
};
