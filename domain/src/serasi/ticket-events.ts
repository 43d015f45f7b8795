import type { z } from 'zod';
import { defineEventTemplates, type ParamsOf } from '../event-templates.ts';

/** The sentences the server writes into a ticket's timeline (see event-templates.ts). */
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
  // Each longer sentence before the one it extends, so a letter or note is never read into a name.
  forwarded_letter: { kind: 'forwarded', text: 'Diteruskan ke {agency} (surat {letter}): {note}' },
  forwarded: { kind: 'forwarded', text: 'Diteruskan ke {agency}: {note}' },
  forwarded_public_authority: {
    kind: 'forwarded',
    text: 'Laporan Anda diteruskan ke instansi yang berwenang untuk ditindaklanjuti.',
  },
  forwarded_public: {
    kind: 'forwarded',
    text: 'Laporan Anda diteruskan ke {programme} untuk ditindaklanjuti.',
  },
  referral_accepted_note: { kind: 'referral_updated', text: 'Rujukan ke {agency} diterima: {note}' },
  referral_accepted: { kind: 'referral_updated', text: 'Rujukan ke {agency} diterima' },
  referral_rejected_note: { kind: 'referral_updated', text: 'Rujukan ke {agency} ditolak: {note}' },
  referral_rejected: { kind: 'referral_updated', text: 'Rujukan ke {agency} ditolak' },
  referral_completed_note: { kind: 'referral_updated', text: 'Rujukan ke {agency} selesai: {note}' },
  referral_completed: { kind: 'referral_updated', text: 'Rujukan ke {agency} selesai' },
  referral_cancelled_note: { kind: 'referral_updated', text: 'Rujukan ke {agency} dibatalkan: {note}' },
  referral_cancelled: { kind: 'referral_updated', text: 'Rujukan ke {agency} dibatalkan' },
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

const engine = defineEventTemplates(templates);

export type TicketEventCode = keyof typeof templates;
export const ticketEventCodes = engine.codes;

/** The Indonesian template of each code, `{name}` marking a parameter (the web's `id` words match them). */
export const ticketEventTemplates: Readonly<Record<TicketEventCode, string>> = engine.texts;

type TemplateParams<C extends TicketEventCode> = Record<ParamsOf<(typeof templates)[C]['text']>, string>;

/** The stored (Indonesian) text of a server-written event. */
export const ticketEventText = <C extends TicketEventCode>(code: C, params: TemplateParams<C>): string =>
  engine.write(code, params);

/** The ticket's line for a step of a referral forwarded from it (accepted, rejected, completed, cancelled). */
export const referralStepText = (
  status: 'accepted' | 'rejected' | 'completed' | 'cancelled' | 'sent',
  agency: string,
  note: string | null,
): string => {
  // A referral never moves back to "sent"; were it asked to, the line says it was sent again.
  if (status === 'sent') return ticketEventText('forwarded', { agency, note: note ?? '' });
  const code = `referral_${status}${note ? '_note' : ''}` as const;
  return ticketEventText(code, { agency, note: note ?? '' });
};

export const ticketEventMessage = engine.message;
export type TicketEventMessage = z.infer<typeof ticketEventMessage>;

/** The code and parameters of a server-written event, or null for an officer's own words. */
export const readTicketEvent = engine.read;
