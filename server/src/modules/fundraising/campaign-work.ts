import {
  type CampaignStatus,
  type CloseCampaignInput,
  type ConsentInput,
  campaignAllows,
  consentProblems,
  type DisbursementInput,
  disbursableRupiah,
  formatRupiah,
  latestTodayInIndonesia,
  type RaisedUpdateInput,
  todayInZone,
  type UpdateCampaignInput,
  zoneOfRegion,
} from '@atensi/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import type { CaseViewer } from '../cases/case-visibility.ts';
import type { CaseRow } from '../cases/cases.service.ts';
import { getCenter } from '../centers/centers.service.ts';
import { type CaseAccess, caseFor } from './campaign-cases.ts';
import { type CampaignRow, campaignPersonalFields, checkCampaignInput } from './campaigns.service.ts';
import {
  fundraisingError,
  fundraisingFieldError,
  ruleProblemsError,
  statusRefused,
} from './fundraising.errors.ts';
import { fundraisingCampaigns, fundraisingDisbursements, fundraisingUpdates } from './fundraising.tables.ts';

type Audit = (record: AuditRecord) => void;
type Opts = { db: Db; context: AuditContext; viewer: CaseViewer; id: string };

/**
 * Runs one change to a campaign under a row lock on it, with the version check when the
 * change carries one; `work` returns what to set, or null when there is nothing to do (a
 * retried disbursement). The lock serialises every change to one campaign, so totals read
 * inside `work` are the committed ones. The campaign, its entries and the audit rows are
 * one transaction.
 */
export const workOnCampaign = async (
  opts: Opts & { version?: number; access?: CaseAccess },
  work: (
    tx: Db,
    row: CampaignRow,
    caseRow: CaseRow,
    audit: Audit,
  ) => Promise<PgUpdateSetSource<typeof fundraisingCampaigns> | null>,
): Promise<void> => {
  const { db, context, viewer, id } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(fundraisingCampaigns)
      .where(eq(fundraisingCampaigns.id, id))
      .for('update');
    if (!row) throw fundraisingError('fundraising.not_found');
    const caseRow = await caseFor(tx, viewer, row.caseId, opts.access ?? 'work');
    if (opts.version !== undefined && row.version !== opts.version) {
      throw fundraisingError('fundraising.version_conflict');
    }
    const set = await work(tx, row, caseRow, audit);
    if (!set) return;
    const [after] = await tx
      .update(fundraisingCampaigns)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(eq(fundraisingCampaigns.id, id))
      .returning();
    audit({
      action: 'update',
      entity: 'fundraising_campaign',
      entityId: id,
      changes: diffRecords(row, after!, { personal: campaignPersonalFields }),
    });
  });
};

const refuseUnless = (allowed: (s: CampaignStatus) => boolean, row: CampaignRow) => {
  if (!allowed(row.status as CampaignStatus)) throw statusRefused(row.status);
};

const notInFuture = (path: string, date: string) => {
  if (date > latestTodayInIndonesia()) throw ruleProblemsError([{ path, key: 'date_future' }]);
};

/** Edits the campaign's text, platform, target and dates (draft or active). */
export const updateCampaign = (opts: Opts & { input: UpdateCampaignInput }) =>
  workOnCampaign({ ...opts, version: opts.input.version }, async (tx, row, caseRow) => {
    refuseUnless(campaignAllows.edit, row);
    const { version: _version, ...input } = opts.input;
    await checkCampaignInput(tx, caseRow, input);
    // A live campaign keeps its page: the link may change, not go away.
    if (row.status === 'active' && !input.campaignUrl) {
      throw fundraisingFieldError('fundraising.url_required', 'campaignUrl');
    }
    return {
      ...input,
      platformName: input.platform === 'other' ? input.platformName : null,
    };
  });

/** Records (or replaces) the beneficiary's consent to the publication. */
export const recordConsent = (opts: Opts & { input: ConsentInput }) =>
  workOnCampaign({ ...opts, version: opts.input.version }, async (_tx, row) => {
    refuseUnless(campaignAllows.consent, row);
    const input = opts.input;
    const problems = consentProblems(input, latestTodayInIndonesia());
    if (problems.length > 0) throw ruleProblemsError(problems);
    return {
      consentGivenBy: input.givenBy,
      consentGiverName: input.giverName,
      consentedOn: input.consentedOn,
      consentPublishStory: input.publishStory,
      consentPublishPhoto: input.publishPhoto,
      consentDocumentNumber: input.documentNumber,
      consentRecordedBy: opts.context.actorName,
      consentRecordedAt: new Date(),
    };
  });

/**
 * Puts a draft live: only with the consent to publish the story and the page's link, and
 * with public text that still passes (the beneficiary's record may have gained a NIK since).
 */
export const activateCampaign = (opts: Opts & { version: number }) =>
  workOnCampaign(opts, async (tx, row, caseRow) => {
    refuseUnless(campaignAllows.activate, row);
    if (!row.consentRecordedAt || !row.consentPublishStory) {
      throw fundraisingFieldError('fundraising.consent_required', 'consent');
    }
    if (!row.campaignUrl) throw fundraisingFieldError('fundraising.url_required', 'campaignUrl');
    await checkCampaignInput(tx, caseRow, {
      platform: row.platform as 'kitabisa' | 'other',
      platformName: row.platformName,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      title: row.title,
      story: row.story,
    });
    // Without a start date the campaign starts today, on the calendar of the centre's zone.
    const zone = zoneOfRegion((await getCenter(tx, caseRow.centerId)).regionCode);
    return { status: 'active', activatedAt: new Date(), startsOn: row.startsOn ?? todayInZone(zone) };
  });

/** A dated report of the platform's figure: the raised amount changes only this way. */
export const recordRaisedUpdate = (opts: Opts & { input: RaisedUpdateInput }) =>
  workOnCampaign({ ...opts, version: opts.input.version }, async (tx, row, _caseRow, audit) => {
    refuseUnless(campaignAllows.update, row);
    const { version: _version, ...input } = opts.input;
    notInFuture('reportedOn', input.reportedOn);
    if (input.raisedRupiah < row.disbursedRupiah) {
      throw fundraisingFieldError('fundraising.raised_below_disbursed', 'raisedRupiah', {
        disbursed: formatRupiah(row.disbursedRupiah),
      });
    }
    const [created] = await tx
      .insert(fundraisingUpdates)
      .values({
        id: uuidv7(),
        campaignId: row.id,
        reportedOn: input.reportedOn,
        raisedRupiah: input.raisedRupiah,
        previousRaisedRupiah: row.raisedRupiah,
        note: input.note,
        byId: opts.context.actorId,
        byName: opts.context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'fundraising_update',
      entityId: created!.id,
      changes: diffRecords(null, created!, { ignore: ['id'] }),
    });
    return { raisedRupiah: input.raisedRupiah };
  });

/**
 * Money paid out to or for the beneficiary, by the centre head. Under the campaign's row
 * lock the total paid out can never pass the total raised, however many heads pay at once
 * (and the table's check constraint says so again). A retried request with the same
 * idempotency key finds its disbursement and changes nothing.
 */
export const recordDisbursement = (opts: Opts & { input: DisbursementInput }) =>
  workOnCampaign({ ...opts, access: 'head' }, async (tx, row, _caseRow, audit) => {
    const input = opts.input;
    const [already] = await tx
      .select({ id: fundraisingDisbursements.id })
      .from(fundraisingDisbursements)
      .where(
        and(
          eq(fundraisingDisbursements.campaignId, row.id),
          eq(fundraisingDisbursements.idempotencyKey, input.idempotencyKey),
        ),
      );
    if (already) return null;
    refuseUnless(campaignAllows.disburse, row);
    notInFuture('disbursedOn', input.disbursedOn);
    const remaining = disbursableRupiah(row);
    if (input.amountRupiah > remaining) {
      throw fundraisingFieldError('fundraising.over_disbursed', 'amountRupiah', {
        remaining: formatRupiah(remaining),
      });
    }
    const [created] = await tx
      .insert(fundraisingDisbursements)
      .values({
        id: uuidv7(),
        campaignId: row.id,
        ...input,
        byId: opts.context.actorId,
        byName: opts.context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'fundraising_disbursement',
      entityId: created!.id,
      changes: diffRecords(null, created!, { ignore: ['id'], personal: ['recipientName'] }),
    });
    // An increment, not the total read above: were the lock ever lost, the table's check
    // constraint would still refuse paying out more than raised.
    return { disbursedRupiah: sql`${fundraisingCampaigns.disbursedRupiah} + ${input.amountRupiah}` };
  });

/** Closes a campaign that ran, or cancels one that will not (nothing paid out yet). */
export const closeCampaign = (opts: Opts & { input: CloseCampaignInput }) =>
  workOnCampaign({ ...opts, version: opts.input.version }, async (_tx, row) => {
    const { outcome, note } = opts.input;
    if (outcome === 'closed') refuseUnless(campaignAllows.close, row);
    else {
      refuseUnless(campaignAllows.cancel, row);
      if (row.disbursedRupiah > 0) throw fundraisingError('fundraising.cancel_after_disbursement');
    }
    return { status: outcome, closedAt: new Date(), closeNote: note };
  });
