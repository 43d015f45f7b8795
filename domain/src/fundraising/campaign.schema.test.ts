import { describe, expect, it } from 'vitest';
import { createCampaignInput, disbursementInput } from './campaign.schema.ts';

const campaign = {
  caseId: '01900000-0000-7000-8000-000000000001',
  platform: 'kitabisa',
  campaignUrl: 'https://kitabisa.com/campaign/bantupakyohanes',
  purpose: 'medical',
  title: 'Bantu Pak Yohanes berobat',
  story: 'Pak Yohanes membutuhkan biaya pengobatan dan transportasi ke rumah sakit di Kupang.',
  targetRupiah: 25_000_000,
};

describe('campaign schemas', () => {
  it('accepts https campaign pages only', () => {
    expect(createCampaignInput.safeParse(campaign).success).toBe(true);
    for (const url of ['http://kitabisa.com/x', 'javascript:alert(1)', 'ftp://kitabisa.com', 'https://']) {
      const r = createCampaignInput.safeParse({ ...campaign, campaignUrl: url });
      expect(r.success, url).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['campaignUrl']);
    }
    expect(createCampaignInput.parse({ ...campaign, campaignUrl: '' }).campaignUrl).toBeNull();
  });

  it('takes money as whole rupiah only', () => {
    expect(createCampaignInput.safeParse({ ...campaign, targetRupiah: 1500.5 }).success).toBe(false);
    expect(createCampaignInput.safeParse({ ...campaign, targetRupiah: '25000000' }).success).toBe(false);
    expect(createCampaignInput.safeParse({ ...campaign, targetRupiah: 0 }).success).toBe(false);
    const d = {
      disbursedOn: '2026-08-01',
      amountRupiah: 1_000_000,
      method: 'provider_payment',
      recipientName: 'RSUD Prof. Dr. W. Z. Johannes',
      proofNumber: 'KW-001',
      idempotencyKey: '01900000-0000-7000-8000-000000000002',
    };
    expect(disbursementInput.safeParse(d).success).toBe(true);
    expect(disbursementInput.safeParse({ ...d, amountRupiah: 0.5 }).success).toBe(false);
  });
});
