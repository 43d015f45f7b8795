import { createHash, timingSafeEqual } from 'node:crypto';
import type { IdentityProof } from '@atensi/domain';
import type { Db } from '../../platform/db/client.ts';
import { findPerson } from './persons.service.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Equal without telling how much matched: both sides are hashed to the same length and
 * compared in constant time, so the answer's timing says nothing about the stored number.
 * A record without the number never matches (a 16-digit proof never hashes like '').
 */
export const sameNumber = (given: string, stored: string | null): boolean =>
  timingSafeEqual(digest(given), digest(stored ?? '')) && stored !== null;

/**
 * Whether the NIK or KK number the worker read from the person's KTP or family card is the
 * record's own (decision 0017). The numbers are never returned, logged or audited.
 */
export const provesIdentity = async (db: Db, personId: string, proof: IdentityProof): Promise<boolean> => {
  const row = await findPerson(db, personId);
  if (!row) return false;
  return proof.nik ? sameNumber(proof.nik, row.nik) : sameNumber(proof.kkNumber ?? '', row.kkNumber);
};
