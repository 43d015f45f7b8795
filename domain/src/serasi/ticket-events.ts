import { z } from 'zod';

/**
 * Texts the server itself writes into a ticket's timeline. The rows keep the Indonesian
 * sentence (readable as is in the database, exports and the audit trail, and the fallback
 * for any client), and every sentence comes from one template here, so the same template
 * read backwards gives a code and its parameters: the web words them in the user's
 * language from existing rows, old ones included, without a column for parameters.
 * Officers' own texts (answers, notes, closing words) match no template and stay as written.
 */
const templates = {
  filed: {
    kind: 'filed',
    text: 'Laporan diterima dan diteruskan ke petugas SERASI balai yang menjangkau wilayah Anda.',
  },
  // Before `referral_filed`: the shorter one must not swallow a letter number.
  referral_filed_letter: { kind: 'filed', text: 'Rujukan dari {agency} diterima (surat {letter}).' },
  referral_filed: { kind: 'filed', text: 'Rujukan dari {agency} diterima.' },
  assigned: { kind: 'assigned', text: 'Laporan ditangani oleh {center}.' },
  followed_up: { kind: 'public_answer', text: 'Laporan Anda sedang ditindaklanjuti oleh {center}.' },
  forwarded: { kind: 'forwarded', text: 'Diteruskan ke {agency}: {note}' },
  case_linked: { kind: 'case_linked', text: 'Dihubungkan dengan kasus {number}' },
  case_opened: { kind: 'case_opened', text: 'Kasus {number} dibuka' },
  escalated_head: {
    kind: 'escalated',
    text: 'Melewati batas waktu layanan: dieskalasi ke kepala balai.',
  },
  escalated_central: {
    kind: 'escalated',
    text: 'Melewati batas waktu lebih dari sehari: dieskalasi ke Direktorat Jenderal Rehabilitasi Sosial (pusat).',
  },
} as const;

export type TicketEventCode = keyof typeof templates;
export const ticketEventCodes = Object.keys(templates) as [TicketEventCode, ...TicketEventCode[]];

/** The Indonesian template of each code, `{name}` marking a parameter (the web's `id` words match them). */
export const ticketEventTemplates: Readonly<Record<TicketEventCode, string>> = Object.fromEntries(
  Object.entries(templates).map(([code, t]) => [code, t.text]),
) as Record<TicketEventCode, string>;

type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;
type TemplateParams<C extends TicketEventCode> = Record<ParamsOf<(typeof templates)[C]['text']>, string>;

/** The stored (Indonesian) text of a server-written event. */
export const ticketEventText = <C extends TicketEventCode>(code: C, params: TemplateParams<C>): string =>
  templates[code].text.replace(
    /\{(\w+)\}/g,
    (_, name: string) => (params as Record<string, string>)[name] ?? '',
  );

export const ticketEventMessage = z.object({
  code: z.enum(ticketEventCodes),
  params: z.record(z.string(), z.string()),
});
export type TicketEventMessage = z.infer<typeof ticketEventMessage>;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readers = (Object.entries(templates) as [TicketEventCode, { kind: string; text: string }][]).map(
  ([code, t]) => {
    const names = [...t.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const pattern = t.text
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('([\\s\\S]+?)');
    return { code, kind: t.kind, names, pattern: new RegExp(`^${pattern}$`) };
  },
);

/**
 * The code and parameters of a server-written event, or null for an officer's own words.
 * Only templates of the event's kind are tried, so an answer is never read as a note.
 */
export const readTicketEvent = (kind: string, text: string): TicketEventMessage | null => {
  for (const r of readers) {
    if (r.kind !== kind) continue;
    const m = r.pattern.exec(text);
    if (m)
      return { code: r.code, params: Object.fromEntries(r.names.map((n, i) => [n, m[i + 1] as string])) };
  }
  return null;
};
