import type { CaseStage } from '@atensi/domain';
import { AppError, defineErrors } from '../../platform/errors/app-error.ts';

export const caseError = defineErrors({
  'case.not_found': { status: 404, message: { id: 'Kasus tidak ditemukan.', en: 'Case not found.' } },
  'case.person_unknown': {
    status: 400,
    message: {
      id: 'Penerima manfaat tidak ditemukan atau sudah digabung.',
      en: 'The person does not exist or was merged.',
    },
  },
  'case.identity_proof_required': {
    status: 422,
    message: {
      id: 'Orang ini terdaftar dan dilayani di balai lain. Untuk membuka kasus di balai Anda, buktikan bahwa orangnya ada di hadapan Anda: isi NIK atau nomor KK dari KTP atau kartu keluarganya.',
      en: 'This person is registered and served at another centre. To open a case at yours, show that the person is in front of you: give the NIK or the KK number from their ID card or family card.',
    },
  },
  'case.identity_proof_mismatch': {
    status: 422,
    message: {
      id: 'Nomor ini tidak cocok dengan data orang tersebut. Periksa kembali KTP atau kartu keluarganya.',
      en: "This number does not match the person's record. Check their ID card or family card again.",
    },
  },
  'case.identity_proof_too_many': {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan bukti identitas. Coba lagi dalam {minutes} menit.',
      en: 'Too many identity proofs. Try again in {minutes} minutes.',
    },
  },
  'case.worker_not_at_center': {
    status: 400,
    message: {
      id: 'Pekerja sosial yang dipilih tidak bertugas di balai ini.',
      en: 'The chosen social worker does not work at this centre.',
    },
  },
  'case.transition_refused': {
    status: 409,
    message: {
      id: 'Tahap {from} tidak dapat diubah ke {to} oleh peran Anda.',
      en: 'Stage {from} cannot move to {to} with your role.',
    },
  },
  'case.not_awaiting_closure': {
    status: 409,
    message: {
      id: 'Kasus ini tidak sedang menunggu persetujuan terminasi.',
      en: 'This case is not awaiting closure approval.',
    },
  },
  'case.already_placed': {
    status: 409,
    message: {
      id: 'Kasus ini sudah memiliki penempatan yang berjalan.',
      en: 'This case already has an open placement.',
    },
  },
  'case.not_placed': {
    status: 409,
    message: { id: 'Kasus ini tidak sedang ditempatkan.', en: 'This case has no open placement.' },
  },
  'case.export_too_large': {
    status: 400,
    message: {
      id: 'Hasil terlalu banyak untuk diekspor ({total} kasus, maksimal {max}). Persempit filter.',
      en: 'Too many results to export ({total} cases, at most {max}). Narrow the filters.',
    },
  },
  'case.closed': { status: 409, message: { id: 'Kasus sudah ditutup.', en: 'The case is closed.' } },
  'case.transfer_stage': {
    status: 409,
    message: {
      id: 'Pemindahan hanya dapat diminta selama kasus masih ditangani (belum terminasi).',
      en: 'A transfer can only be requested while the case is being worked (before closure).',
    },
  },
  'case.transfer_pending': {
    status: 409,
    message: {
      id: 'Kasus ini sedang menunggu keputusan pemindahan ke balai lain. Batalkan pemindahan terlebih dahulu.',
      en: 'This case is waiting for a transfer decision. Cancel the transfer first.',
    },
  },
  'case.no_pending_transfer': {
    status: 409,
    message: {
      id: 'Tidak ada permintaan pemindahan yang menunggu untuk kasus ini.',
      en: 'There is no transfer waiting for this case.',
    },
  },
  'case.transfer_same_center': {
    status: 400,
    message: {
      id: 'Pilih balai tujuan yang berbeda dari balai saat ini.',
      en: 'Choose a centre other than the current one.',
    },
  },
  'case.center_unknown': {
    status: 400,
    message: {
      id: 'Balai tujuan tidak ditemukan atau sudah diarsipkan.',
      en: 'The receiving centre does not exist or is archived.',
    },
  },
  'case.already_assigned': {
    status: 400,
    message: {
      id: 'Kasus ini sudah ditangani oleh pekerja sosial tersebut.',
      en: 'The case is already assigned to this worker.',
    },
  },
  'case.follow_up_open': {
    status: 409,
    message: {
      id: 'Kunjungan bimbingan lanjut dicatat setelah terminasi disetujui.',
      en: 'Follow-up visits are recorded after closure is approved.',
    },
  },
  'case.follow_up_future': {
    status: 400,
    message: {
      id: 'Tanggal kunjungan tidak boleh di masa depan.',
      en: 'The visit date cannot be in the future.',
    },
  },
  'case.follow_up_before_closure': {
    status: 400,
    message: {
      id: 'Tanggal kunjungan tidak boleh sebelum tanggal terminasi ({closedOn}).',
      en: 'The visit date cannot be before the closure date ({closedOn}).',
    },
  },
  'case.referral_partner_unknown': {
    status: 400,
    message: {
      id: 'LKS tujuan tidak ditemukan atau tidak aktif.',
      en: 'The partner institution does not exist or is inactive.',
    },
  },
  'case.referral_not_found': {
    status: 404,
    message: { id: 'Rujukan tidak ditemukan.', en: 'Referral not found.' },
  },
  'case.referral_version_conflict': {
    status: 409,
    message: {
      id: 'Rujukan ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this referral. Reload to see the latest version.',
    },
  },
  'case.referral_refused': {
    status: 409,
    message: {
      id: 'Status rujukan tidak dapat diubah dari {from} menjadi {to}.',
      en: 'The referral cannot move from {from} to {to}.',
    },
  },
  'case.version_conflict': {
    status: 409,
    message: {
      id: 'Kasus ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this case. Reload to see the latest version.',
    },
  },
});

/** Stage names as users read them, for messages. */
const stageNames: Record<CaseStage, { id: string; en: string }> = {
  engagement: { id: 'pendekatan awal', en: 'engagement' },
  assessment: { id: 'asesmen', en: 'assessment' },
  planning: { id: 'rencana intervensi', en: 'intervention planning' },
  intervention: { id: 'intervensi', en: 'intervention' },
  resocialization: { id: 'resosialisasi', en: 'resocialisation' },
  termination_requested: { id: 'menunggu persetujuan terminasi', en: 'awaiting closure approval' },
  termination: { id: 'terminasi', en: 'closure' },
  follow_up: { id: 'bimbingan lanjut', en: 'follow-up' },
};

/** "Stage X cannot move to Y", with the stage names in each language rather than codes. */
export const transitionRefused = (from: CaseStage, to: CaseStage): AppError => {
  const id = caseError('case.transition_refused', { from: stageNames[from].id, to: stageNames[to].id })
    .localised.id;
  const en = caseError('case.transition_refused', { from: stageNames[from].en, to: stageNames[to].en })
    .localised.en;
  return new AppError('case.transition_refused', 409, { id, en });
};

/** A case error about one input field, so the form can show it beside that field. */
export const caseFieldError = (
  code: Parameters<typeof caseError>[0],
  path: string,
  params: Record<string, string | number> = {},
): AppError => caseError(code, params, [{ path, message: caseError(code, params).localised }]);
