/**
 * Money is integer rupiah. Amounts travel as integers (or bigint) and are never floats.
 * Formatting is done by hand because Intl's id-ID currency output puts a non-breaking
 * space after "Rp" and the ministry's documents write `Rp1.234.567`.
 */
export const formatRupiah = (amount: number | bigint): string => {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError('Rupiah must be an integer');
  }
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp${grouped}`;
};

/** Parses `Rp1.234.567`, `1.234.567` or `1234567` into integer rupiah; null when not a whole amount. */
export const parseRupiah = (text: string): bigint | null => {
  const cleaned = text.replace(/\s/g, '').replace(/^(-?)Rp/i, '$1');
  if (!/^-?\d{1,3}(\.\d{3})*$|^-?\d+$/.test(cleaned)) return null;
  return BigInt(cleaned.replace(/\./g, ''));
};
