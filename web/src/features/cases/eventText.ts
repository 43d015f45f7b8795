import type { CaseEventMessage, caseEventVocabularies } from '@atensi/domain';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Where each fixed-list parameter is worded, and whether it stands mid-sentence (then in
 * small letters, as the stored Indonesian has them: "kondisi membaik", "risiko tinggi").
 */
const vocabularyKeys: Record<keyof typeof caseEventVocabularies, { key: string; lower: boolean }> = {
  fromStage: { key: 'cases.stage', lower: false },
  toStage: { key: 'cases.stage', lower: false },
  risk: { key: 'cases.risk', lower: true },
  component: { key: 'cases.component', lower: false },
  method: { key: 'cases.followUpMethod', lower: true },
  condition: { key: 'cases.followUpCondition', lower: true },
  status: { key: 'referrals.status', lower: true },
  destination: { key: 'outreach.stay.kind', lower: false },
};

const worded = (params: Record<string, string>, t: Translate): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const list = vocabularyKeys[name as keyof typeof vocabularyKeys];
      if (!list) return [name, value];
      const word = t(`${list.key}.${value}`, { defaultValue: value });
      return [name, list.lower ? word.toLowerCase() : word];
    }),
  );

/**
 * A case timeline entry in the reader's language: the server's own sentences from their code
 * and parameters (stage, status and other list values in the reader's words); officers' free
 * text inside them as written. An unknown code falls back to the stored Indonesian.
 */
export const caseEventText = (
  e: { summary: string; message: CaseEventMessage | null },
  t: Translate,
): string =>
  e.message
    ? t(`cases.event.${e.message.code}`, { ...worded(e.message.params, t), defaultValue: e.summary })
    : e.summary;
