import { describe, expect, it } from 'vitest';
import { latestTodayInIndonesia, todayInZone } from '../date-fields.ts';
import {
  campaignAllows,
  campaignInputProblems,
  consentProblems,
  disbursableRupiah,
  fundraisingRuleMessage,
  progressPercent,
} from './rules.ts';

const base = {
  platform: 'kitabisa' as const,
  platformName: null,
  startsOn: null,
  endsOn: null,
  title: 'Bantu Pak Yohanes berobat',
  story: 'Pak Yohanes membutuhkan biaya pengobatan dan transportasi ke rumah sakit di Kupang.',
};

describe('campaign rules', () => {
  it('accepts a plain kitabisa campaign', () => {
    expect(campaignInputProblems(base)).toEqual([]);
  });

  it('asks for the platform’s name when it is not kitabisa, and for dates in order', () => {
    expect(
      campaignInputProblems({ ...base, platform: 'other', startsOn: '2026-09-01', endsOn: '2026-08-01' }),
    ).toEqual([
      { path: 'platformName', key: 'platform_name' },
      { path: 'endsOn', key: 'ends_before_start' },
    ]);
  });

  it('names the field and the word of a public-text problem, in both languages', () => {
    const [problem] = campaignInputProblems({ ...base, story: `${base.story} Beliau juga ODGJ.` });
    expect(problem).toEqual({ path: 'story', key: 'sensitive_word', params: { match: 'odgj' } });
    expect(fundraisingRuleMessage(problem!, 'id')).toContain('“odgj”');
    expect(fundraisingRuleMessage(problem!, 'en')).toContain('sensitive condition');
    const [nik] = campaignInputProblems(
      { ...base, title: 'Bantu 3201014505800003' },
      { nik: '3201014505800003' },
    );
    expect(nik).toEqual({ path: 'title', key: 'nik' });
  });

  it('needs consent to publish the story, given on or before today', () => {
    expect(consentProblems({ publishStory: true, consentedOn: '2026-08-01' }, '2026-08-01')).toEqual([]);
    expect(consentProblems({ publishStory: false, consentedOn: '2026-08-02' }, '2026-08-01')).toEqual([
      { path: 'publishStory', key: 'consent_story' },
      { path: 'consentedOn', key: 'date_future' },
    ]);
  });

  it('takes today from the easternmost zone of Indonesia', () => {
    expect(latestTodayInIndonesia(new Date('2026-08-16T16:00:00Z'))).toBe('2026-08-17');
    expect(latestTodayInIndonesia(new Date('2026-08-16T14:00:00Z'))).toBe('2026-08-16');
  });

  it('lets each status do only what it allows', () => {
    expect(campaignAllows.activate('draft')).toBe(true);
    expect(campaignAllows.activate('active')).toBe(false);
    expect(campaignAllows.disburse('draft')).toBe(false);
    expect(campaignAllows.disburse('closed')).toBe(true);
    expect(campaignAllows.edit('cancelled')).toBe(false);
    expect(campaignAllows.close('draft')).toBe(false);
  });

  it('computes what may still be paid out and the progress, in whole rupiah', () => {
    expect(disbursableRupiah({ raisedRupiah: 5_000_000, disbursedRupiah: 1_250_000 })).toBe(3_750_000);
    expect(disbursableRupiah({ raisedRupiah: 0, disbursedRupiah: 0 })).toBe(0);
    expect(progressPercent({ raisedRupiah: 2_500_000, targetRupiah: 10_000_000 })).toBe(25);
    expect(progressPercent({ raisedRupiah: 12_000_000, targetRupiah: 10_000_000 })).toBe(100);
    expect(progressPercent({ raisedRupiah: 1, targetRupiah: 3 })).toBe(33);
  });
});

describe('dates by zone', () => {
  it('gives the calendar day of each Indonesian zone', () => {
    const evening = new Date('2026-08-16T16:30:00Z');
    expect(todayInZone('WIB', evening)).toBe('2026-08-16');
    expect(todayInZone('WITA', evening)).toBe('2026-08-17');
    expect(todayInZone('WIT', evening)).toBe('2026-08-17');
  });
});
