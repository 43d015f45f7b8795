import { z } from 'zod';

/**
 * Sentences the server writes into a timeline (a SERASI ticket's, a case's). The row keeps the
 * Indonesian sentence — readable in the database, exports and the audit trail, and every
 * client's fallback — and each sentence comes from one template, so the same template read
 * backwards gives a code and its parameters for the web to word in the reader's language,
 * old rows included, without a column for parameters. A sentence no template writes (an
 * officer's own words) reads back as null and is shown as stored.
 */
export type EventTemplate = { readonly kind: string; readonly text: string };

/** The `{name}` parameters of a template text, as a union of names. */
export type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamsOf<Rest>
  : never;

export type EventMessage<C extends string> = { code: C; params: Record<string, string> };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const defineEventTemplates = <T extends Record<string, EventTemplate>>(
  templates: T,
  options: {
    /**
     * Parameters from fixed lists travel as codes: the word each code has in the stored
     * sentence. Reading back matches only those words and returns the code.
     */
    vocabularies?: Partial<Record<string, Readonly<Record<string, string>>>>;
    /** A pattern for parameters that have a shape (numbers, amounts), so text around them stays whole. */
    shapes?: Partial<Record<string, string>>;
  } = {},
) => {
  type Code = keyof T & string;
  const vocabularies = options.vocabularies ?? {};
  const codes = Object.keys(templates) as [Code, ...Code[]];
  const texts = Object.fromEntries(Object.entries(templates).map(([code, t]) => [code, t.text])) as Record<
    Code,
    string
  >;

  /** The stored (Indonesian) sentence; a coded parameter is written as its word. */
  const write = (code: Code, params: Record<string, string>): string =>
    templates[code]!.text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name] ?? '';
      return vocabularies[name]?.[value] ?? value;
    });

  const groupOf = (name: string): string => {
    const words = vocabularies[name];
    if (!words) return `(${options.shapes?.[name] ?? '[\\s\\S]+?'})`;
    // Longest first, so "belum tuntas" is not read as "tuntas".
    const alternatives = Object.values(words).sort((a, b) => b.length - a.length);
    return `(${alternatives.map(escapeRegExp).join('|')})`;
  };
  const codeOf = (name: string, word: string): string => {
    const words = vocabularies[name];
    return words ? (Object.entries(words).find(([, w]) => w === word)?.[0] ?? word) : word;
  };
  const readers = (Object.entries(templates) as [Code, EventTemplate][]).map(([code, t]) => {
    const names = [...t.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const parts = t.text.split(/\{\w+\}/).map(escapeRegExp);
    const pattern = parts.reduce(
      (acc, part, i) => (i === 0 ? part : `${acc}${groupOf(names[i - 1]!)}${part}`),
      '',
    );
    return { code, kind: t.kind, names, pattern: new RegExp(`^${pattern}$`) };
  });

  /**
   * The code and parameters of a stored sentence, or null when no template writes it. Only
   * templates of the row's kind are tried (an answer is never read as a note), in the order
   * they are defined: a longer sentence must come before the one it extends.
   */
  const read = (kind: string, text: string): EventMessage<Code> | null => {
    for (const r of readers) {
      if (r.kind !== kind) continue;
      const m = r.pattern.exec(text);
      if (m)
        return {
          code: r.code,
          params: Object.fromEntries(r.names.map((n, i) => [n, codeOf(n, m[i + 1] as string)])),
        };
    }
    return null;
  };

  const message = z.object({ code: z.enum(codes), params: z.record(z.string(), z.string()) });

  return { codes, texts, write, read, message };
};
