import type { IdentityProof } from '@atensi/domain';
import type { AuditRecord } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit/rate-limit.ts';
import { provesIdentity } from '../persons/identity-proof.ts';
import { findPerson, visibleTo } from '../persons/persons.service.ts';
import { caseError, caseFieldError } from './cases.errors.ts';
import { personsServedAt } from './cases.service.ts';

/**
 * "Any balai takes any case", but a case gives every worker of the opening centre the
 * person's full record. So a person the opening centre does not see yet (registered
 * elsewhere, never served there) is served only with proof that the worker has them in
 * front of them — the NIK or KK number from their card — and the opening is audited as
 * `identity_proof`, where the registering centre finds it (decision 0017).
 */

/**
 * Proofs per worker per hour, right or wrong: a NIK whose region and birth date are known
 * leaves four digits to guess, so guessing must be slow. Counted as a hashed key, never the number.
 */
export const identityProofLimit: RateLimit = { scope: 'case.identity_proof', limit: 20, windowSeconds: 3600 };

/** Not a secret: the counter keys are user ids, hashed only to share the table's shape. */
const limitSalt = 'case.identity_proof';

/** Whether the centre already sees the person: registered there, or served there in a case. */
export const seenAtCenter = async (db: Db, personId: string, centerId: string): Promise<boolean> => {
  const row = await findPerson(db, personId);
  return row !== null && visibleTo(db, [centerId], row, personsServedAt);
};

/**
 * Refuses the opening without a matching proof (422 naming the field); answers the audit row
 * to write with the case when it matches. Runs before anything is written.
 */
export const checkIdentityProof = async (opts: {
  db: Db;
  actorId: string | null;
  personId: string;
  centerId: string;
  proof: IdentityProof | null | undefined;
}): Promise<(caseId: string) => AuditRecord> => {
  const { db, proof } = opts;
  if (!proof) throw caseFieldError('case.identity_proof_required', 'identityProof');
  const hit = await hitRateLimit(db, identityProofLimit, opts.actorId ?? 'anonymous', limitSalt);
  if (!hit.allowed) {
    throw caseError(
      'case.identity_proof_too_many',
      { minutes: Math.max(1, Math.ceil(hit.retryAfterSeconds / 60)) },
      undefined,
      { retryAfterSeconds: hit.retryAfterSeconds },
    );
  }
  if (!(await provesIdentity(db, opts.personId, proof))) {
    throw caseFieldError(
      'case.identity_proof_mismatch',
      proof.nik ? 'identityProof.nik' : 'identityProof.kkNumber',
    );
  }
  const registeredAt = (await findPerson(db, opts.personId))?.registeredAtCenterId ?? null;
  return (caseId) => ({
    action: 'create',
    entity: 'identity_proof',
    entityId: opts.personId,
    changes: [
      { field: 'caseId', before: null, after: caseId },
      { field: 'centerId', before: null, after: opts.centerId },
      { field: 'registeredAtCenterId', before: null, after: registeredAt },
      // Which card was shown, never its number.
      { field: 'proof', before: null, after: proof.nik ? 'nik' : 'kk' },
    ],
  });
};
