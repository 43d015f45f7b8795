import type { z } from 'zod';
import { defineEventTemplates, type ParamsOf } from '../event-templates.ts';
import type { stayKinds } from '../outreach/outreach.schema.ts';
// Type only: case.schema.ts imports this file's message schema for the timeline.
import type { RiskLevel } from './case.schema.ts';
import { serviceComponents } from './components.ts';
import type { followUpConditions, followUpMethods } from './follow-up.schema.ts';
import type { referralStatuses } from './referral.schema.ts';
import { caseStages } from './stages.ts';

/**
 * The sentences the server writes into a case's timeline (see event-templates.ts), each the
 * sentence the server wrote before templates existed, word for word.
 */
const templates = {
  opened: { kind: 'opened', text: '{number}: {problem}' },
  merged: {
    kind: 'stage',
    text: 'Data penerima manfaat digabungkan; kasus mengikuti data yang dipertahankan.',
  },
  // Each sentence with a note before the one it extends, so a note is never read into a name.
  stage_note: { kind: 'stage', text: '{fromStage} → {toStage}: {note}' },
  stage: { kind: 'stage', text: '{fromStage} → {toStage}' },
  closure_requested_note: { kind: 'closure_requested', text: '{fromStage} → {toStage}: {note}' },
  closure_requested: { kind: 'closure_requested', text: '{fromStage} → {toStage}' },
  closure_rejected_note: { kind: 'closure_rejected', text: '{fromStage} → {toStage}: {note}' },
  closure_rejected: { kind: 'closure_rejected', text: '{fromStage} → {toStage}' },
  closure_approved_complete: { kind: 'closure_approved', text: 'Terminasi disetujui (tuntas): {summary}' },
  closure_approved_incomplete: {
    kind: 'closure_approved',
    text: 'Terminasi disetujui (belum tuntas): {summary}',
  },
  assessment: { kind: 'assessment', text: 'Asesmen {date}, risiko {risk}' },
  plan: { kind: 'plan', text: 'Rencana intervensi: {goals} tujuan' },
  service: { kind: 'service', text: '{component}: {serviceType} ({value})' },
  placement: {
    kind: 'placement',
    text: 'Penempatan residensial ({occupied}/{capacity} tempat tidur terisi)',
  },
  // Before `placement_ended`: an outreach move names where the person went, as a code.
  placement_moved: { kind: 'placement_ended', text: 'Penempatan berakhir, pindah: {destination}' },
  placement_ended: { kind: 'placement_ended', text: 'Penempatan berakhir: {reason}' },
  transfer_requested: { kind: 'transfer_requested', text: 'Permintaan pemindahan ke {center}: {reason}' },
  transfer_cancelled: { kind: 'transfer_cancelled', text: 'Permintaan pemindahan dibatalkan' },
  transfer_accepted_note: {
    kind: 'transfer_accepted',
    text: 'Dipindahkan dari {from} ke {to}; ditangani {worker}: {note}',
  },
  transfer_accepted: {
    kind: 'transfer_accepted',
    text: 'Dipindahkan dari {from} ke {to}; ditangani {worker}',
  },
  transfer_rejected: { kind: 'transfer_rejected', text: 'Pemindahan ditolak: {reason}' },
  reassigned: { kind: 'reassigned', text: 'Pekerja sosial diganti: {from} → {to}' },
  follow_up_next: {
    kind: 'follow_up_visit',
    text: 'Bimbingan lanjut {date} ({method}): kondisi {condition}; kunjungan berikutnya {next}',
  },
  follow_up: { kind: 'follow_up_visit', text: 'Bimbingan lanjut {date} ({method}): kondisi {condition}' },
  referral_sent_ticket: { kind: 'referral_sent', text: 'Rujukan ke {target} (dari tiket SERASI {ticket})' },
  referral_sent: { kind: 'referral_sent', text: 'Rujukan ke {target}' },
  referral_updated_note: { kind: 'referral_updated', text: 'Rujukan ke {target} {status}: {note}' },
  referral_updated: { kind: 'referral_updated', text: 'Rujukan ke {target} {status}' },
} as const;

const methodWords = {
  home_visit: 'kunjungan rumah',
  phone: 'telepon',
  video_call: 'panggilan video',
  at_center: 'di balai',
} as const satisfies Record<(typeof followUpMethods)[number], string>;
const conditionWords = {
  improved: 'membaik',
  stable: 'stabil',
  declined: 'menurun',
} as const satisfies Record<(typeof followUpConditions)[number], string>;
const statusWords = {
  sent: 'dikirim',
  accepted: 'diterima',
  rejected: 'ditolak',
  completed: 'selesai',
  cancelled: 'dibatalkan',
} as const satisfies Record<(typeof referralStatuses)[number], string>;

const identity = <T extends string>(codes: readonly T[]): Record<T, string> =>
  Object.fromEntries(codes.map((c): [string, string] => [c, c])) as Record<T, string>;

/**
 * Parameters from fixed lists travel as codes. The map gives the word each code has in the
 * stored sentence: Indonesian words for follow-ups and referral statuses, and the bare code
 * for stages, risk levels and components, which the server has always written as codes.
 */
export const caseEventVocabularies = {
  fromStage: identity(caseStages),
  toStage: identity(caseStages),
  risk: { low: 'low', medium: 'medium', high: 'high' } satisfies Record<RiskLevel, string>,
  component: identity(serviceComponents),
  method: methodWords,
  condition: conditionWords,
  status: statusWords,
  destination: {
    shelter: 'TPS',
    partner: 'LKS',
    center: 'Balai',
    family: 'Keluarga',
    community: 'Masyarakat',
  } satisfies Record<(typeof stayKinds)[number], string>,
} as const satisfies Record<string, Record<string, string>>;

type Vocabulary = keyof typeof caseEventVocabularies;

const engine = defineEventTemplates(templates, {
  vocabularies: caseEventVocabularies,
  // Numbers and amounts never hold brackets, so a service type with its own "(…)" stays whole.
  shapes: { value: '[^()]+', goals: '\\d+', occupied: '\\d+', capacity: '\\d+' },
});

export type CaseEventCode = keyof typeof templates;
export const caseEventCodes = engine.codes;

/** The Indonesian template of each code, `{name}` marking a parameter (the web's `id` words match them). */
export const caseEventTemplates: Readonly<Record<CaseEventCode, string>> = engine.texts;

type ParamValue<P extends string> = P extends Vocabulary ? keyof (typeof caseEventVocabularies)[P] : string;
type TemplateParams<C extends CaseEventCode> = {
  [P in ParamsOf<(typeof templates)[C]['text']>]: ParamValue<P>;
};

/** What the server stores for an event: its kind and the (Indonesian) sentence. */
export type CaseEventEntry = { kind: (typeof templates)[CaseEventCode]['kind']; summary: string };

/** The timeline entry of a server-written event: its kind and the stored (Indonesian) sentence. */
export const caseEventText = <C extends CaseEventCode>(
  code: C,
  params: TemplateParams<C>,
): CaseEventEntry & { kind: (typeof templates)[C]['kind'] } => ({
  kind: templates[code].kind,
  summary: engine.write(code, params as Record<string, string>),
});

export const caseEventMessage = engine.message;
export type CaseEventMessage = z.infer<typeof caseEventMessage>;

/** The code and parameters of a server-written event, or null for a sentence no template writes. */
export const readCaseEvent = engine.read;
