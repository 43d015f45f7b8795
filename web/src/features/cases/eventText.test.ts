import {
  caseEventCodes,
  caseEventTemplates,
  caseEventText,
  caseEventVocabularies,
  readCaseEvent,
} from '@atensi/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { id } from '../../i18n/id';
import { caseEventText as wordEvent } from './eventText';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: 'id',
    interpolation: { escapeValue: false },
  }),
);

/** What the server sends for a stored row: the Indonesian text and what it reads from it. */
const stored = (kind: string, summary: string) => ({ summary, message: readCaseEvent(kind, summary) });

describe('case timeline texts in the reader’s language', () => {
  it('gives an English reader English, list values included, officers’ words as written', () => {
    const t = i18n.getFixedT('en');
    expect(wordEvent(stored('stage', 'engagement → assessment'), t)).toBe('Engagement → Assessment');
    expect(
      wordEvent(stored('referral_updated', 'Rujukan ke RSJ Naimata diterima: Dijadwalkan Senin'), t),
    ).toBe('Referral to RSJ Naimata accepted: Dijadwalkan Senin');
    expect(
      wordEvent(
        stored(
          'follow_up_visit',
          'Bimbingan lanjut 2026-05-02 (kunjungan rumah): kondisi membaik; kunjungan berikutnya 2026-06-02',
        ),
        t,
      ),
    ).toBe('Follow-up on 2026-05-02 (home visit): condition improved; next visit 2026-06-02');
    expect(wordEvent(stored('assessment', 'Asesmen 2026-03-01, risiko high'), t)).toBe(
      'Assessment of 2026-03-01, high risk',
    );
    expect(wordEvent(stored('transfer_cancelled', 'Permintaan pemindahan dibatalkan'), t)).toBe(
      'Transfer request withdrawn',
    );
    expect(wordEvent(stored('placement_ended', 'Sudah pulang'), t)).toBe('Sudah pulang');
  });

  it('words every code in Indonesian as the server stores it, list codes by their Indonesian names', () => {
    const t = i18n.getFixedT('id');
    // Stages, risk levels and components are stored as bare codes; an Indonesian reader sees their names.
    const named: Record<string, (code: string) => string> = {
      fromStage: (c) => t(`cases.stage.${c}`),
      toStage: (c) => t(`cases.stage.${c}`),
      risk: (c) => t(`cases.risk.${c}`).toLowerCase(),
      component: (c) => t(`cases.component.${c}`),
    };
    const vocabularies: Partial<Record<string, Record<string, string>>> = caseEventVocabularies;
    for (const code of caseEventCodes) {
      const names = [...caseEventTemplates[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(
        names.map((n) => [n, Object.keys(vocabularies[n] ?? {}).at(-1) ?? `‹${n}›`]),
      );
      const { summary } = caseEventText(code, params as never);
      const expected = names.reduce(
        (text, n) => (named[n] ? text.replace(params[n] as string, named[n](params[n] as string)) : text),
        summary,
      );
      expect(wordEvent({ summary, message: { code, params } }, t), code).toBe(expected);
    }
  });

  it('falls back to the stored text for a code this web does not know', () => {
    const t = i18n.getFixedT('en');
    const message = { code: 'reopened', params: {} } as unknown as NonNullable<
      ReturnType<typeof readCaseEvent>
    >;
    expect(wordEvent({ summary: 'Kasus dibuka kembali.', message }, t)).toBe('Kasus dibuka kembali.');
  });
});
