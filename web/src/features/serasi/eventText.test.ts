import { readTicketEvent, ticketEventCodes, ticketEventTemplates, ticketEventText } from '@atensi/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { id } from '../../i18n/id';
import { eventText } from './eventText';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: 'id',
    interpolation: { escapeValue: false },
  }),
);

/** What the server sends for a stored row: the Indonesian text and what it reads from it. */
const stored = (kind: string, text: string) => ({ text, message: readTicketEvent(kind, text) });

describe('ticket timeline texts in the reader’s language', () => {
  it('gives an English reader of /lacak English for the server’s own sentences', () => {
    const t = i18n.getFixedT('en');
    expect(eventText(stored('filed', ticketEventText('filed', {})), t)).toBe(
      'Report received and passed on to the SERASI officers of the centre serving your area.',
    );
    expect(
      eventText(
        stored('public_answer', 'Laporan Anda sedang ditindaklanjuti oleh Balai "Naibonat" Kupang.'),
        t,
      ),
    ).toBe('Your report is being followed up by Balai "Naibonat" Kupang.');
    expect(
      eventText(
        stored('filed', 'Rujukan dari Pendamping PKH Kel. Margahayu diterima (surat 045/PKH/XI/2026).'),
        t,
      ),
    ).toBe('Referral from Pendamping PKH Kel. Margahayu received (letter 045/PKH/XI/2026).');
    expect(eventText(stored('escalated', ticketEventText('escalated_central', {})), t)).toMatch(
      /^More than a day past the service deadline/,
    );
  });

  it('keeps an officer’s answer as written, in any language', () => {
    const t = i18n.getFixedT('en');
    expect(eventText(stored('public_answer', 'Petugas akan datang besok pagi.'), t)).toBe(
      'Petugas akan datang besok pagi.',
    );
  });

  it('words every code in Indonesian exactly as the server stores it', () => {
    const t = i18n.getFixedT('id');
    for (const code of ticketEventCodes) {
      const params = Object.fromEntries(
        [...ticketEventTemplates[code].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `‹${m[1]}›`]),
      );
      const text = ticketEventText(code, params as never);
      expect(eventText({ text, message: { code, params } }, t)).toBe(text);
    }
  });

  it('falls back to the stored text for a code this web does not know', () => {
    const t = i18n.getFixedT('en');
    const message = { code: 'reopened', params: {} } as unknown as NonNullable<
      ReturnType<typeof readTicketEvent>
    >;
    expect(eventText({ text: 'Laporan dibuka kembali.', message }, t)).toBe('Laporan dibuka kembali.');
  });
});
