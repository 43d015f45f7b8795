/**
 * Whether a region lies inside a centre's coverage (province `PP` or regency `PP.KK` codes):
 * the region is a covered code or lies under one. A region wider than the coverage — the
 * province of a centre that covers only some of its regencies — is not inside it.
 */
export const withinCoverage = (regionCode: string, coverage: readonly string[]): boolean =>
  coverage.some((c) => regionCode === c || regionCode.startsWith(`${c}.`));
