import { type FundraisingRuleProblem, fundraisingRuleMessage } from '@atensi/domain';
import { AppError, defineErrors } from '../../platform/errors/app-error.ts';

export const fundraisingError = defineErrors({
  'fundraising.not_found': {
    status: 404,
    message: { id: 'Kampanye penggalangan dana tidak ditemukan.', en: 'Campaign not found.' },
  },
  'fundraising.case_not_found': {
    status: 404,
    message: { id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  },
  'fundraising.invalid': {
    status: 400,
    message: { id: 'Periksa kembali isian: {fields}.', en: 'Please check: {fields}.' },
  },
  'fundraising.public_text': {
    status: 400,
    message: {
      id: 'Teks publik kampanye tidak boleh memuat data yang mengenali atau mengungkap kondisi sensitif penerima manfaat ({fields}).',
      en: 'The campaign’s public text may not identify the beneficiary or reveal a sensitive condition ({fields}).',
    },
  },
  'fundraising.status': {
    status: 409,
    message: {
      id: 'Kampanye berstatus {status}: tindakan ini tidak dapat dilakukan.',
      en: 'The campaign is {status}: this cannot be done now.',
    },
  },
  'fundraising.consent_required': {
    status: 409,
    message: {
      id: 'Catat persetujuan penerima manfaat (atau orang tua/wali) atas publikasi cerita sebelum kampanye ditayangkan.',
      en: 'Record the beneficiary’s (or parent’s/guardian’s) consent to publishing the story before the campaign goes live.',
    },
  },
  'fundraising.url_required': {
    status: 409,
    message: {
      id: 'Isi tautan halaman kampanye (https) sebelum kampanye ditayangkan.',
      en: 'Enter the campaign page link (https) before the campaign goes live.',
    },
  },
  'fundraising.over_disbursed': {
    status: 409,
    message: {
      id: 'Jumlah penyaluran melebihi dana terkumpul yang belum disalurkan (sisa {remaining}).',
      en: 'The amount is more than the raised money not yet paid out ({remaining} left).',
    },
  },
  'fundraising.raised_below_disbursed': {
    status: 409,
    message: {
      id: 'Dana terkumpul tidak boleh kurang dari yang sudah disalurkan ({disbursed}).',
      en: 'The raised amount cannot be less than what was already paid out ({disbursed}).',
    },
  },
  'fundraising.cancel_after_disbursement': {
    status: 409,
    message: {
      id: 'Kampanye yang sudah menyalurkan dana tidak dapat dibatalkan; tutup kampanye.',
      en: 'A campaign that has paid money out cannot be cancelled; close it instead.',
    },
  },
  'fundraising.version_conflict': {
    status: 409,
    message: {
      id: 'Kampanye ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this campaign. Reload to see the latest version.',
    },
  },
});

type Code = Parameters<typeof fundraisingError>[0];

/** An error about one field, so the form can show it beside that field. */
export const fundraisingFieldError = (
  code: Code,
  path: string,
  params: Record<string, string | number> = {},
): AppError => fundraisingError(code, params, [{ path, message: fundraisingError(code, params).localised }]);

/**
 * The domain's rule problems as one 400 naming each field in both languages: a public-text
 * problem as `fundraising.public_text`, anything else as `fundraising.invalid`.
 */
export const ruleProblemsError = (problems: FundraisingRuleProblem[]): AppError => {
  const publicText = problems.every((p) => p.path === 'title' || p.path === 'story');
  const names = problems.map((p) => p.path).join(', ');
  const base = fundraisingError(publicText ? 'fundraising.public_text' : 'fundraising.invalid', {
    fields: names,
  });
  return new AppError(
    base.code,
    base.status,
    base.localised,
    problems.map((p) => ({
      path: p.path,
      message: { id: fundraisingRuleMessage(p, 'id'), en: fundraisingRuleMessage(p, 'en') },
    })),
  );
};

const statusNames: Record<string, { id: string; en: string }> = {
  draft: { id: 'draf', en: 'a draft' },
  active: { id: 'aktif', en: 'active' },
  closed: { id: 'selesai', en: 'closed' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
};

/** "The campaign is closed: this cannot be done now", with the status in each language. */
export const statusRefused = (status: string): AppError => {
  const name = statusNames[status] ?? { id: status, en: status };
  const id = fundraisingError('fundraising.status', { status: name.id }).localised.id;
  const en = fundraisingError('fundraising.status', { status: name.en }).localised.en;
  return new AppError('fundraising.status', 409, { id, en });
};
