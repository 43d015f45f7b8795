import { z } from 'zod';
import { text } from '../text.ts';

/** Kemendagri region codes as idn-area-data spells them: 32, 32.01, 32.01.01, 32.01.01.2001. */
export const regionLevels = ['province', 'regency', 'district', 'village'] as const;
export const regionLevel = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevel>;

const patterns: Record<RegionLevel, RegExp> = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
  village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};

export const levelOfCode = (code: string): RegionLevel | null =>
  regionLevels.find((l) => patterns[l].test(code)) ?? null;

export const regionCode = text()
  .trim()
  .max(13)
  .refine((c) => levelOfCode(c) !== null, { message: 'validation.region_code' });

/** The chain of ancestor codes, province first, ending with the code itself. */
export const regionLineage = (code: string): string[] => {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
};

export const provinceOf = (code: string): string => code.slice(0, 2);

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevel,
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionQuery = z.object({
  parent: regionCode.optional(),
  level: regionLevel.optional(),
  q: text().trim().max(100).optional(),
  code: text().trim().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RegionQuery = z.infer<typeof regionQuery>;
