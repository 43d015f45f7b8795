import { describe, expect, it } from 'vitest';
import { caseEventCodes, caseEventText, readCaseEvent } from './case-events.ts';

describe('case event texts', () => {
  it('reads back the code and parameters of every sentence the server writes', () => {
    const cases = [
      ['opened', { number: 'ATN-2026-BRS-00012', problem: 'Anak terlantar: tinggal di pasar.' }],
      ['merged', {}],
      ['stage', { fromStage: 'engagement', toStage: 'assessment' }],
      ['stage_note', { fromStage: 'termination', toStage: 'intervention', note: 'Kambuh → dibuka lagi' }],
      ['closure_requested', { fromStage: 'resocialization', toStage: 'termination_requested' }],
      [
        'closure_requested_note',
        { fromStage: 'intervention', toStage: 'termination_requested', note: 'Tuntas' },
      ],
      ['closure_rejected', { fromStage: 'termination_requested', toStage: 'intervention' }],
      ['closure_rejected_note', { fromStage: 'termination_requested', toStage: 'planning', note: 'Belum' }],
      ['closure_approved_complete', { summary: 'Kembali ke keluarga (Kupang).' }],
      ['closure_approved_incomplete', { summary: 'Pindah domisili: tuntas sebagian' }],
      ['assessment', { date: '2026-03-01', risk: 'high' }],
      ['plan', { goals: '3' }],
      ['service', { component: 'basic_needs', serviceType: 'Makan (3x sehari)', value: 'Rp 150.000' }],
      ['placement', { occupied: '12', capacity: '40' }],
      ['placement_moved', { destination: 'family' }],
      ['placement_ended', { reason: 'Pindah (family)' }],
      ['transfer_requested', { center: 'Balai "Naibonat" Kupang', reason: 'Dekat keluarga: ibu di Kupang' }],
      ['transfer_cancelled', {}],
      ['transfer_accepted', { from: 'Balai A', to: 'Balai B', worker: 'Siti Aminah' }],
      [
        'transfer_accepted_note',
        { from: 'Balai A', to: 'Balai B', worker: 'Siti', note: 'Bawa berkas; segera' },
      ],
      ['transfer_rejected', { reason: 'Tempat penuh' }],
      ['reassigned', { from: 'Budi', to: '-' }],
      ['follow_up', { date: '2026-05-02', method: 'home_visit', condition: 'improved' }],
      [
        'follow_up_next',
        { date: '2026-05-02', method: 'at_center', condition: 'declined', next: '2026-06-02' },
      ],
      ['referral_sent', { target: 'RSJ Naimata (Kupang)' }],
      ['referral_sent_ticket', { target: 'PKH', ticket: 'SRS-2026-000123' }],
      ['referral_updated', { target: 'LKS Bina Insani', status: 'cancelled' }],
      ['referral_updated_note', { target: 'RSJ Naimata', status: 'accepted', note: 'Dijadwalkan: Senin.' }],
    ] as const;
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(caseEventCodes));
    for (const [code, params] of cases) {
      const { kind, summary } = caseEventText(code, params as never);
      expect(readCaseEvent(kind, summary), summary).toEqual({ code, params });
    }
  });

  it('writes the same Indonesian as before templates existed, so old rows read the same way', () => {
    expect(caseEventText('stage', { fromStage: 'engagement', toStage: 'assessment' })).toEqual({
      kind: 'stage',
      summary: 'engagement → assessment',
    });
    expect(
      caseEventText('follow_up_next', {
        date: '2026-05-02',
        method: 'home_visit',
        condition: 'stable',
        next: '2026-06-01',
      }).summary,
    ).toBe('Bimbingan lanjut 2026-05-02 (kunjungan rumah): kondisi stabil; kunjungan berikutnya 2026-06-01');
    expect(readCaseEvent('referral_updated', 'Rujukan ke RSJ Naimata diterima: Senin')).toEqual({
      code: 'referral_updated_note',
      params: { target: 'RSJ Naimata', status: 'accepted', note: 'Senin' },
    });
    expect(readCaseEvent('assessment', 'Asesmen 2026-03-01, risiko low')?.params.risk).toBe('low');
  });

  it('leaves sentences no template writes alone, and tries only templates of the event’s kind', () => {
    expect(readCaseEvent('stage', 'intake → nowhere')).toBeNull();
    expect(readCaseEvent('assessment', 'Asesmen 2026-03-01, risiko gawat')).toBeNull();
    expect(readCaseEvent('follow_up_visit', 'Bimbingan lanjut 2026-05-02 (surat): kondisi baik')).toBeNull();
    expect(readCaseEvent('transfer_rejected', 'Permintaan pemindahan dibatalkan')).toBeNull();
  });
});
