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
