import { describe, expect, it } from 'vitest';
import { demoPassword, identityWords, judgePassword, passwordProblem } from './password-strength.ts';

const siti = identityWords({
  name: 'Siti Rahma Putri',
  email: 'siti.rahma@kemensos.go.id',
  username: 'siti.rahma',
});

describe('passwordProblem', () => {
  it('wants 12 to 128 characters', () => {
    expect(passwordProblem('Pendek-123')).toBe('too_short');
    expect(passwordProblem('x'.repeat(129))).toBe('too_long');
  });

  it('refuses listed passwords, with digits around them too, and repetitions', () => {
    expect(passwordProblem('qwerty123456')).toBe('too_common');
    expect(passwordProblem('password123456')).toBe('too_common');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('too_common');
    expect(passwordProblem('salah-salah-salah')).toBe('too_common');
  });

  it('refuses keyboard walks', () => {
    expect(passwordProblem('qwertyuiopas')).toBe('too_common');
    expect(passwordProblem('1qaz2wsx3edc')).toBe('too_common');
    expect(passwordProblem('asdfghjkl;123')).toBe('too_common');
  });

  it('refuses the programme, ministry, balai and place names however they are joined', () => {
    expect(passwordProblem('Balai-Bekasi-2026')).toBe('too_common');
    expect(passwordProblem('Kemensos2026!')).toBe('too_common');
    expect(passwordProblem('Atensi.Temanggung.2026')).toBe('too_common');
    expect(passwordProblem('RehsosKupang#2026')).toBe('too_common');
    expect(passwordProblem('Sentra-Handayani-Jakarta-1')).toBe('too_common');
  });

  it('refuses common Indonesian words as a phrase', () => {
    expect(passwordProblem('bismillah123456')).toBe('too_common');
    expect(passwordProblem('sayangkamu2026')).toBe('too_common');
  });

  it('refuses the demo password unless the demo data is being loaded', () => {
    expect(passwordProblem(demoPassword)).toBe('demo_password');
    expect(passwordProblem(demoPassword, { allowDemoPassword: true })).toBeNull();
  });

  it('refuses the person’s own username, name or email inside the password', () => {
    expect(passwordProblem('siti.rahma-Kopi-Tubruk-7', { userInputs: siti })).toBe('contains_identity');
    expect(passwordProblem('Kopi-Rahma-Tubruk-Pagi', { userInputs: siti })).toBe('contains_identity');
    // The same phrase is fine for someone else.
    expect(passwordProblem('Kopi-Rahma-Tubruk-Pagi')).toBeNull();
  });

  it('takes the person’s words out before judging what is left', () => {
    const budi = identityWords({ name: 'Budi', email: 'bs@uji.test', username: 'bs' });
    expect(passwordProblem('Budi2026Budi2026', { userInputs: budi })).not.toBeNull();
  });

  it('accepts long, unusual phrases', () => {
    expect(passwordProblem('Kopi-Tubruk-Di-Naibonat-7', { userInputs: siti })).toBeNull();
    expect(passwordProblem('Teh-Manis-Di-Kupang-2026')).toBeNull();
    expect(passwordProblem('Rumah-Joglo-Hujan-Sore-41')).toBeNull();
  });
});

describe('identityWords', () => {
  it('takes the username, its pieces, the name parts and the email’s parts, not the generic domain labels', () => {
    expect(siti).toEqual(expect.arrayContaining(['siti.rahma', 'siti', 'rahma', 'putri', 'kemensos']));
    expect(siti).not.toContain('go');
    expect(siti).not.toContain('id');
  });
});

describe('judgePassword', () => {
  it('gives a 0–4 score for a meter that agrees with the verdict', () => {
    expect(judgePassword('qwertyuiopas').score).toBeLessThan(3);
    expect(judgePassword('Rumah-Joglo-Hujan-Sore-41').score).toBeGreaterThanOrEqual(3);
  });
});
