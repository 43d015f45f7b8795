import { serasiConsentVersion } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { requestTransfer } from './modules/cases/case-transfers.ts';
import { createCase } from './modules/cases/cases.service.ts';
import { recommendCenters } from './modules/cases/recommend-centers.ts';
import { centerIdByCode, createCenter } from './modules/centers/centers.service.ts';
import { centers } from './modules/centers/centers.tables.ts';
import { createPerson } from './modules/persons/persons.service.ts';
import { loadRegions } from './modules/regions/load-regions.ts';
import { escalateOverdueTickets } from './modules/serasi/escalation.ts';
import { issueFormToken } from './modules/serasi/form-token.ts';
import { fileTicket } from './modules/serasi/tickets.service.ts';
import { createFirstAdmin, issueSetupToken, systemContext, userCount } from './modules/users/first-admin.ts';
import { createUser } from './modules/users/users.service.ts';
import { installConfiguredAuditKeys } from './platform/audit/keys.ts';
import type { Config } from './platform/config.ts';
import type { Database, Db } from './platform/db/client.ts';
import { migrateWithRoles } from './platform/db/roles.ts';

export type BootstrapReport = {
  regionsInserted: number;
  demoLoaded: boolean;
  setupToken: string | null;
  adminCreated: boolean;
};

/** Demo centres, one user per role in two of them, a few people and cases; only into an empty database. */
export const loadDemoData = async (db: Db, secret: string): Promise<boolean> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(centers);
  if (Number(row?.n ?? 0) > 0 || (await userCount(db)) > 0) return false;
  const { demoCenters } = await import('./cli/demo/centers.data.ts');
  const { demoUsers, demoPassword } = await import('./cli/demo/users.data.ts');
  for (const input of demoCenters) await createCenter({ db, context: systemContext, input });
  const userIds = new Map<string, string>();
  for (const u of demoUsers) {
    const roles = [];
    for (const r of u.roles) {
      roles.push({ role: r.role, centerId: r.centerCode ? await centerIdByCode(db, r.centerCode) : null });
    }
    const input = { name: u.name, email: u.email, username: u.username, password: demoPassword, roles };
    userIds.set(
      u.username,
      (await createUser({ db, context: systemContext, input, allowDemoPassword: true })).id,
    );
  }
  const { demoCases } = await import('./cli/demo/cases.data.ts');
  const caseOf = new Map<string, { caseId: string; workerUsername: string }>();
  for (const d of demoCases) {
    const centerId = (await centerIdByCode(db, d.center))!;
    const personId = await createPerson({ db, context: systemContext, input: { ...d.person, centerId } });
    // Routed as a worker would: the first recommendation for the person's village.
    const [first] = await recommendCenters(db, { regionCode: d.person.regionCode, modality: d.modality });
    const caseId = await createCase({
      db,
      context: systemContext,
      input: {
        ...d.case,
        personId,
        centerId,
        modality: d.modality,
        intakeReference: null,
        assignedWorkerId: userIds.get(d.worker)!,
        recommendedCenterId: first?.centerId ?? null,
        overrideReason: first && first.centerId !== centerId ? 'Data demo: dekat dengan keluarga.' : null,
      },
    });
    caseOf.set(d.person.fullName, { caseId, workerUsername: d.worker });
    if (d.transfer) {
      const workerId = userIds.get(d.worker)!;
      const worker = demoUsers.find((u) => u.username === d.worker)!;
      await requestTransfer({
        db,
        context: {
          ...systemContext,
          actorId: workerId,
          actorName: worker.name,
          actorRole: 'social_worker',
          centerId,
        },
        viewer: {
          userId: workerId,
          national: false,
          headOf: [],
          workerAt: [centerId],
          partnerIds: [],
          deskAt: [],
        },
        id: caseId,
        input: {
          toCenterId: (await centerIdByCode(db, d.transfer.center))!,
          reason: d.transfer.reason,
          version: 1,
        },
      });
    }
  }
  const { loadDemoCommunity } = await import('./cli/demo/community.ts');
  await loadDemoCommunity(db, userIds, (fullName) => caseOf.get(fullName)!);
  const { loadDemoLogistics } = await import('./cli/demo/logistics.ts');
  await loadDemoLogistics(db, userIds);
  const { demoTickets } = await import('./cli/demo/tickets.data.ts');
  for (const { hoursAgo, ...ticket } of demoTickets) {
    const now = new Date(Date.now() - hoursAgo * 3_600_000);
    await fileTicket({
      db,
      context: systemContext,
      input: {
        ...ticket,
        consentAccepted: true,
        consentVersion: serasiConsentVersion,
        photo: null,
        formToken: issueFormToken(secret, new Date(now.getTime() - 60_000)),
      },
      secret,
      now,
    });
  }
  await escalateOverdueTickets(db);
  return true;
};

/**
 * What every start does, in order: migrate, load the regions, then either the demo data
 * (development) or the first administrator (production). Safe to repeat.
 */
export const bootstrap = async (
  database: Database,
  config: Config,
  onProgress?: (step: string) => void,
): Promise<BootstrapReport> => {
  // Demo data and the first administrator are audited: sealed with the configured key.
  installConfiguredAuditKeys(config);
  onProgress?.('migrasi basis data');
  await migrateWithRoles(database, config);
  onProgress?.('memuat wilayah Indonesia');
  const { inserted } = await loadRegions(database.db);
  const report: BootstrapReport = {
    regionsInserted: inserted,
    demoLoaded: false,
    setupToken: null,
    adminCreated: false,
  };
  if (config.demoData) {
    onProgress?.('memuat data demo');
    report.demoLoaded = await loadDemoData(database.db, config.authSecret);
  }
  if ((await userCount(database.db)) === 0) {
    if (config.ATENSI_ADMIN_EMAIL && config.ATENSI_ADMIN_PASSWORD) {
      const email = config.ATENSI_ADMIN_EMAIL;
      const username = email
        .split('@')[0]!
        .toLowerCase()
        .replace(/[^a-z0-9._]/g, '.')
        .slice(0, 30)
        .padEnd(3, '0');
      await createFirstAdmin(database.db, {
        name: 'Administrator',
        email,
        username,
        password: config.ATENSI_ADMIN_PASSWORD,
      });
      report.adminCreated = true;
    } else {
      report.setupToken = await issueSetupToken(database.db);
    }
  }
  return report;
};
