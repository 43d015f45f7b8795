import { describe, expect, it } from 'vitest';
import { readTicketEvent, ticketEventCodes, ticketEventTemplates, ticketEventText } from './ticket-events.ts';

describe('ticket event texts', () => {
  it('reads back the code and parameters of every sentence the server writes', () => {
    const cases = [
      ['filed', 'filed', {}],
      ['filed', 'referral_filed', { agency: 'Pendamping PKH Kel. Margahayu' }],
      ['filed', 'referral_filed_letter', { agency: 'Puskesmas (Kupang)', letter: '045/PKH/XI/2026' }],
      ['assigned', 'assigned', { center: 'Balai "Naibonat" Kupang' }],
      ['public_answer', 'followed_up', { center: 'Balai Besar "Kartini" Temanggung' }],
      [
        'forwarded',
        'forwarded',
        { agency: 'Dinas Sosial Kab. Kupang', note: 'Bukan ranah balai: PKH.\nMohon cek.' },
      ],
      [
        'forwarded',
        'forwarded_letter',
        { agency: 'Program Keluarga Harapan (PKH)', letter: '12/SRS/2026', note: 'Bantuan tidak cair.' },
      ],
      ['forwarded', 'forwarded_public', { programme: 'Program Keluarga Harapan (PKH)' }],
      ['forwarded', 'forwarded_public_authority', {}],
      ['referral_updated', 'referral_accepted', { agency: 'RSJ Naimata (Kupang)' }],
      ['referral_updated', 'referral_accepted_note', { agency: 'RSJ Naimata', note: 'Dijadwalkan: Senin.' }],
      ['referral_updated', 'referral_rejected', { agency: 'LKS Bina Insani' }],
      ['referral_updated', 'referral_rejected_note', { agency: 'LKS Bina Insani', note: 'Penuh' }],
      ['referral_updated', 'referral_completed', { agency: 'PKH' }],
      ['referral_updated', 'referral_completed_note', { agency: 'PKH', note: 'Sudah cair' }],
      ['referral_updated', 'referral_cancelled', { agency: 'BPNT' }],
      ['referral_updated', 'referral_cancelled_note', { agency: 'BPNT', note: 'Salah tujuan' }],
      ['case_linked', 'case_linked', { number: 'ATN-2026-BRS-00012' }],
      ['case_opened', 'case_opened', { number: 'ATN-2026-BRS-00013' }],
      ['escalated', 'escalated_head', {}],
      ['escalated', 'escalated_central', {}],
    ] as const;
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(ticketEventCodes));
    for (const [kind, code, params] of cases) {
      const text = ticketEventText(code, params as never);
      expect(readTicketEvent(kind, text), text).toEqual({ code, params });
    }
  });

  it('writes the same Indonesian as before templates existed, so old rows read the same way', () => {
    expect(ticketEventText('referral_filed_letter', { agency: 'Pendamping PKH', letter: '045/PKH' })).toBe(
      'Rujukan dari Pendamping PKH diterima (surat 045/PKH).',
    );
    expect(ticketEventText('followed_up', { center: 'Balai X' })).toBe(
      'Laporan Anda sedang ditindaklanjuti oleh Balai X.',
    );
    expect(ticketEventTemplates.escalated_head).toBe(
      'Melewati batas waktu layanan: dieskalasi ke kepala balai.',
    );
  });

  it('leaves officers’ own words alone, and tries only templates of the event’s kind', () => {
    expect(readTicketEvent('public_answer', 'Petugas akan datang besok pagi.')).toBeNull();
    expect(readTicketEvent('closed', 'Sudah ditangani oleh balai, terima kasih.')).toBeNull();
    expect(readTicketEvent('internal_note', 'Kasus ATN-1 dibuka')).toBeNull();
    expect(readTicketEvent('filed', 'Laporan ditangani oleh Balai X.')).toBeNull();
    // Characters that mean something in a regular expression are plain text here.
    expect(readTicketEvent('assigned', 'Laporan ditangani oleh Balai (.*) $1.')).toEqual({
      code: 'assigned',
      params: { center: 'Balai (.*) $1' },
    });
  });
});
