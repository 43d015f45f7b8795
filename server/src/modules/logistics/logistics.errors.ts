import { type AppError, defineErrors } from '../../platform/errors/app-error.ts';

export const logisticsError = defineErrors({
  'logistics.not_found': { status: 404, message: { id: 'Data tidak ditemukan.', en: 'Not found.' } },
  'logistics.warehouse_not_found': {
    status: 404,
    message: { id: 'Gudang tidak ditemukan.', en: 'Warehouse not found.' },
  },
  'logistics.forbidden': {
    status: 403,
    message: {
      id: 'Anda tidak berwenang mengubah stok gudang ini.',
      en: 'You may not change the stock of this warehouse.',
    },
  },
  'logistics.insufficient_stock': {
    status: 409,
    message: {
      id: 'Stok {item} di {warehouse} tidak cukup: tersedia {available} {unit} (belum kedaluwarsa), diminta {requested}.',
      en: 'Not enough {item} at {warehouse}: {available} {unit} available (not expired), {requested} asked.',
    },
  },
  'logistics.item_unknown': {
    status: 400,
    message: { id: 'Barang tidak ditemukan atau tidak aktif.', en: 'Item not found or inactive.' },
  },
  'logistics.expiry_required': {
    status: 400,
    message: {
      id: 'Isi tanggal kedaluwarsa untuk barang yang dapat kedaluwarsa ({item}).',
      en: 'Enter the expiry date of perishable goods ({item}).',
    },
  },
  'logistics.already_expired': {
    status: 400,
    message: {
      id: 'Tanggal kedaluwarsa sudah lewat: barang kedaluwarsa tidak boleh diterima ke stok.',
      en: 'The expiry date has passed: expired goods cannot be received into stock.',
    },
  },
  'logistics.date_future': {
    status: 400,
    message: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  },
  'logistics.code_taken': {
    status: 409,
    message: { id: 'Kode barang {code} sudah dipakai.', en: 'Item code {code} is already in use.' },
  },
  'logistics.region_unknown': {
    status: 400,
    message: { id: 'Wilayah tidak ditemukan.', en: 'Unknown region.' },
  },
  'logistics.center_unknown': {
    status: 400,
    message: { id: 'Balai tidak ditemukan.', en: 'Centre not found.' },
  },
  'logistics.central_exists': {
    status: 409,
    message: {
      id: 'Gudang pusat sudah ada; hanya ada satu gudang pusat.',
      en: 'The central warehouse already exists; there is only one.',
    },
  },
  'logistics.warehouse_inactive': {
    status: 409,
    message: { id: 'Gudang {name} tidak aktif.', en: 'Warehouse {name} is inactive.' },
  },
  'logistics.same_warehouse': {
    status: 400,
    message: {
      id: 'Gudang tujuan harus berbeda dari gudang asal.',
      en: 'The destination must differ from the source warehouse.',
    },
  },
  'logistics.duplicate_item': {
    status: 400,
    message: {
      id: 'Barang yang sama muncul lebih dari sekali; gabungkan jumlahnya.',
      en: 'The same item appears more than once; combine the quantities.',
    },
  },
  'logistics.lot_not_found': {
    status: 404,
    message: { id: 'Lot tidak ditemukan di gudang ini.', en: 'Lot not found in this warehouse.' },
  },
  'logistics.lot_empty': {
    status: 409,
    message: { id: 'Lot ini sudah kosong.', en: 'This lot is already empty.' },
  },
  'logistics.count_unchanged': {
    status: 400,
    message: {
      id: 'Jumlah hasil hitung sama dengan catatan ({recorded}); tidak perlu penyesuaian.',
      en: 'The counted quantity equals the books ({recorded}); no adjustment needed.',
    },
  },
  'logistics.adjustment_decided': {
    status: 409,
    message: { id: 'Penyesuaian ini sudah diputuskan.', en: 'This adjustment was already decided.' },
  },
  'logistics.adjustment_pending': {
    status: 409,
    message: {
      id: 'Lot ini masih punya penyesuaian yang menunggu keputusan kepala balai.',
      en: 'This lot already has an adjustment waiting for the head’s decision.',
    },
  },
  'logistics.adjustment_stale': {
    status: 409,
    message: {
      id: 'Stok lot berubah sejak dihitung (tercatat {recorded}, sekarang {now}). Hitung ulang.',
      en: 'The lot changed since it was counted (books {recorded}, now {now}). Count again.',
    },
  },
  'logistics.own_adjustment': {
    status: 403,
    message: {
      id: 'Penyesuaian harus disetujui orang lain, bukan yang mengajukan.',
      en: 'An adjustment must be approved by someone other than who asked for it.',
    },
  },
  'logistics.dispatch_received': {
    status: 409,
    message: {
      id: 'Surat jalan ini sudah dikonfirmasi diterima.',
      en: 'This dispatch was already received.',
    },
  },
  'logistics.receive_lines': {
    status: 400,
    message: {
      id: 'Konfirmasi harus memuat setiap baris surat jalan tepat satu kali.',
      en: 'The confirmation must list every line of the dispatch exactly once.',
    },
  },
  'logistics.received_too_much': {
    status: 400,
    message: {
      id: 'Jumlah diterima tidak boleh melebihi yang dikirim ({sent}).',
      en: 'The quantity received cannot exceed what was sent ({sent}).',
    },
  },
  'logistics.discrepancy_note': {
    status: 400,
    message: {
      id: 'Jelaskan selisih antara yang dikirim ({sent}) dan diterima ({received}).',
      en: 'Explain the difference between sent ({sent}) and received ({received}).',
    },
  },
  'logistics.received_before_sent': {
    status: 400,
    message: {
      id: 'Tanggal diterima tidak boleh sebelum tanggal kirim ({sentOn}).',
      en: 'The date received cannot be before the date sent ({sentOn}).',
    },
  },
  'logistics.disaster_closed': {
    status: 409,
    message: { id: 'Bencana ini sudah ditutup.', en: 'This disaster is closed.' },
  },
  'logistics.region_outside_coverage': {
    status: 400,
    message: {
      id: 'Wilayah ini di luar wilayah jangkauan {center}. Bencana di luar jangkauan balai Anda dicatat oleh staf pusat.',
      en: 'This region is outside the coverage of {center}. Central staff record disasters outside your centre’s coverage.',
    },
  },
  'logistics.disaster_forbidden': {
    status: 403,
    message: {
      id: 'Bencana ini dikelola oleh balai penanggung jawabnya dan staf pusat.',
      en: 'This disaster is managed by its responsible centre and central staff.',
    },
  },
  'logistics.send_forbidden': {
    status: 403,
    message: {
      id: 'Anda hanya dapat mengirim dari gudang balai Anda sendiri ({warehouse} bukan salah satunya); pengiriman dari gudang lain disetujui staf pusat.',
      en: 'You may send only from your own centre’s warehouses ({warehouse} is not one); central staff approve dispatches from others.',
    },
  },
  'logistics.need_met': {
    status: 409,
    message: {
      id: 'Kebutuhan ini sudah terpenuhi oleh pengiriman ({dispatched} {unit}).',
      en: 'This need is already covered by dispatches ({dispatched} {unit}).',
    },
  },
  'logistics.over_need': {
    status: 400,
    message: {
      id: 'Jumlah yang dikirim ({total}) melebihi kebutuhan yang belum terpenuhi ({outstanding}).',
      en: 'The quantity sent ({total}) exceeds the outstanding need ({outstanding}).',
    },
  },
  'logistics.need_below_dispatched': {
    status: 409,
    message: {
      id: 'Kebutuhan tidak boleh kurang dari yang sudah dikirim ({dispatched}).',
      en: 'The need cannot be less than what was already dispatched ({dispatched}).',
    },
  },
  'logistics.site_not_target': {
    status: 400,
    message: {
      id: 'Gudang posko bencana tidak dapat menjadi sumber usulan pengiriman.',
      en: 'A disaster post cannot be a source of a dispatch proposal.',
    },
  },
  'logistics.period_invalid': {
    status: 400,
    message: {
      id: 'Akhir periode tidak boleh sebelum awal periode.',
      en: 'The period cannot end before it starts.',
    },
  },
  'logistics.target_exists': {
    status: 409,
    message: {
      id: 'Target untuk program, periode, gudang dan barang ini sudah ada.',
      en: 'A target for this programme, period, warehouse and item already exists.',
    },
  },
  'logistics.person_unknown': {
    status: 400,
    message: { id: 'Penerima manfaat tidak ditemukan.', en: 'Beneficiary not found.' },
  },
  'logistics.household_size': {
    status: 400,
    message: {
      id: 'Isi jumlah anggota keluarga untuk penerima berupa keluarga.',
      en: 'Enter the household size for a household recipient.',
    },
  },
  'logistics.version_conflict': {
    status: 409,
    message: {
      id: 'Data ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this record. Reload to see the latest version.',
    },
  },
});

export const logisticsFieldError = (
  code: Parameters<typeof logisticsError>[0],
  path: string,
  params: Record<string, string | number> = {},
): AppError => logisticsError(code, params, [{ path, message: logisticsError(code, params).localised }]);
