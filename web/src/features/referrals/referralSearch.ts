import { type ReferralStatus, type ReferralTarget, referralStatuses, referralTargets } from '@atensi/domain';

/** Referral-list filters kept in the URL (no names or numbers: those stay in the rows). */
export type ReferralSearch = {
  direction?: 'incoming' | 'outgoing';
  status?: ReferralStatus;
  target?: ReferralTarget;
  page?: number;
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export const parseReferralSearch = (raw: Record<string, unknown>): ReferralSearch => {
  const out: ReferralSearch = {};
  const direction = oneOf(['incoming', 'outgoing'] as const, raw.direction);
  if (direction) out.direction = direction;
  const status = oneOf(referralStatuses, raw.status);
  if (status) out.status = status;
  const target = oneOf(referralTargets, raw.target);
  if (target) out.target = target;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
};
