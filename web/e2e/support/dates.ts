/**
 * A calendar date relative to today (UTC), as `YYYY-MM-DD`. Specs must not hard-code dates:
 * rules such as "a follow-up visit is not before the closure" compare with the clock, so a
 * fixed date that passed yesterday fails today.
 */
export const dayFromToday = (days = 0): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
