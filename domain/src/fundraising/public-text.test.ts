import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../format/money.ts';
import { findPublicTextProblems, looksLikePhone, sensitivePublicTerms } from './public-text.ts';

const reasons = (text: string, known = {}) => findPublicTextProblems(text, known).map((p) => p.reason);

/** Words that never trip the guard, to build ordinary stories from (numbers are tested on their own). */
const safeWords = [
  'Ibu',
  'Siti',
  'membutuhkan',
  'biaya',
  'operasi',
  'jantung',
  'kursi',
  'roda',
  'untuk',
  'anaknya',
  'yang',
  'sekolah',
  'di',
  'Kupang',
  'rumah',
  'rusak',
  'bantu',
  'kami',
  'modal',
  'usaha',
  'warung',
  'alat',
  'bantu',
  'dengar',
  'hearing',
  'aids',
  'sabun',
  'tahun',
  'bulan',
  'kali',
  'seminggu',
];
const safeStory = fc
  .array(fc.constantFrom(...safeWords), { minLength: 0, maxLength: 30 })
  .map((words) => words.join(' '));
const separator = fc.constantFrom(' ', '-', '.', '');
const allTerms = Object.values(sensitivePublicTerms).flat();

describe('the public campaign text guard', () => {
  it('lets an ordinary story through, amounts, dates and hearing aids included', () => {
    const story =
      'Pak Yohanes (54) dari Kabupaten Kupang membutuhkan kursi roda dan alat bantu dengar (hearing aids). ' +
      'Biaya yang dibutuhkan Rp 12.500.000, target terkumpul sebelum 17 Agustus 2026. ' +
      'Sabun dan perlengkapan mandi juga dibutuhkan untuk 3 bulan, mulai 05-08-2026 atau 2026-09-01.';
    expect(findPublicTextProblems(story)).toEqual([]);
  });

  it('refuses the beneficiary’s own NIK and KK number, however they are written', () => {
    const known = { nik: '3201014505800003', kkNumber: '3201010101200011' };
    expect(reasons('NIK 3201014505800003', known)).toEqual(['nik']);
    expect(reasons('nik: 3201 0145 0580 0003', known)).toEqual(['nik']);
    expect(reasons('KK 3201-0101-0120-0011.', known)).toEqual(['kk']);
  });

  it('refuses any 16-digit number, embedded in any ordinary text', () => {
    fc.assert(
      fc.property(
        safeStory,
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }),
        safeStory,
        (before, digits, after) => {
          const text = `${before} ${digits.join('')} ${after}`;
          expect(reasons(text)).toContain('sixteen_digits');
        },
      ),
    );
  });

  it('refuses Indonesian mobile numbers in any common writing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('08', '+628', '628', '+62 8'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 10 }),
        separator,
        safeStory,
        (prefix, digits, sep, before) => {
          const body = digits.join('');
          const grouped = [body.slice(0, 2), body.slice(2, 6), body.slice(6)].join(sep);
          const text = `${before} hubungi ${prefix}${grouped} ya`;
          expect(reasons(text)).toContain('phone');
        },
      ),
    );
    expect(reasons('Telepon (021) 8765432 atau 0380-821234')).toEqual(['phone', 'phone']);
  });

  it('refuses the beneficiary’s own phone number even in another prefix', () => {
    expect(reasons('WA 62 812 1111 2222', { phone: '081211112222' })).toEqual(['phone']);
  });

  it('never takes a rupiah amount for a phone or an identity number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), safeStory, (amount, story) => {
        expect(findPublicTextProblems(`${story} target ${formatRupiah(amount)} untuk ${story}`)).toEqual([]);
        expect(findPublicTextProblems(`${story} ${formatRupiah(amount).replace('Rp', 'Rp ')}`)).toEqual([]);
      }),
    );
  });

  it('refuses every word of the sensitive list in any case, with punctuation and suffixes around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allTerms),
        safeStory,
        safeStory,
        fc.constantFrom('', 'nya', 'lah'),
        fc.constantFrom(' ', ', ', ' (', '"', '\n'),
        fc.boolean(),
        (term, before, after, suffix, punct, upper) => {
          const word = upper ? term.toUpperCase() : term;
          const text = `${before}${punct}${word}${suffix}${punct}${after}`;
          const found = findPublicTextProblems(text);
          expect(found.some((p) => p.reason === 'sensitive_word')).toBe(true);
        },
      ),
    );
  });

  it('names the topic and the word, and reads phrases across line breaks and hyphens', () => {
    expect(findPublicTextProblems('Korban Perdagangan\nOrang asal NTT')).toEqual([
      { reason: 'sensitive_word', match: 'perdagangan orang', topic: 'trafficking' },
      { reason: 'sensitive_word', match: 'korban perdagangan', topic: 'trafficking' },
    ]);
    expect(findPublicTextProblems('mantan pecandu narkoba')).toEqual([
      { reason: 'sensitive_word', match: 'narkoba', topic: 'drugs' },
      { reason: 'sensitive_word', match: 'pecandu', topic: 'drugs' },
    ]);
    expect(reasons('ODGJ yang dipasung')).toEqual(['sensitive_word', 'sensitive_word']);
    expect(reasons('Status HIV-positif')).toEqual(['sensitive_word']);
    expect(reasons('korban kekerasan seksual')).toEqual(['sensitive_word']);
  });

  it('matches whole words only: no alarm on words that merely start the same', () => {
    expect(reasons('Sabun, ganjal pintu, raperda, hivi, napas')).toEqual([]);
  });

  it('knows Indonesian phone shapes by their digits', () => {
    expect(looksLikePhone('081234567890')).toBe(true);
    expect(looksLikePhone('6281234567890')).toBe(true);
    expect(looksLikePhone('0211234567')).toBe(true);
    expect(looksLikePhone('150000000')).toBe(false);
    expect(looksLikePhone('20260817')).toBe(false);
  });
});
