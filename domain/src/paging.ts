import { z } from 'zod';
import { limits } from './limits.ts';

/** A yes/no in a query string, as the web writes it: `true` or `false`. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
export type PageQuery = z.infer<typeof pageQuery>;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
