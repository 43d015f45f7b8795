import type { Role } from '@atensi/domain';
import { demoCenterCodes } from './centers.data.ts';

/** Every demo account shares this password (the password rule refuses it for any other account). */
export { demoPassword } from '../../platform/auth/password-policy.ts';

export type DemoUser = {
  name: string;
  email: string;
  username: string;
  roles: { role: Role; centerCode: string | null }[];
};

const user = (name: string, username: string, role: Role, centerCode: string | null): DemoUser => ({
  name,
  email: `${username}@atensi.test`,
  username,
  roles: [{ role, centerCode }],
});

const bekasi = demoCenterCodes.bekasi;
const temanggung = demoCenterCodes.temanggung;

/** Fictional people: an admin, a central officer, and one account per centre role in the two demo centres. */
export const demoUsers: DemoUser[] = [
  user('Administrator Sistem', 'admin', 'admin', null),
  user('Ratna Dewi Kusumaningrum', 'pusat', 'central', null),

  // Balai "Pangudi Luhur" di Bekasi
  user('Wahyu Hidayat', 'kepala.bekasi', 'center_head', bekasi),
  user('Siti Nurhaliza Putri', 'peksos.bekasi', 'social_worker', bekasi),
  user('Rudi Hartono Simanjuntak', 'peksos2.bekasi', 'social_worker', bekasi),
  user('Dewi Anggraini', 'serasi.bekasi', 'desk_officer', bekasi),
  user('Joko Susilo', 'gudang.bekasi', 'warehouse_officer', bekasi),
  user('Bambang Irawan', 'bengkel.bekasi', 'workshop_officer', bekasi),
  user('Fitri Handayani', 'kasir.bekasi', 'shop_cashier', bekasi),
  user('Agus Salim Nasution', 'ska.bekasi', 'shop_manager', bekasi),
  user('Yuliana Sari', 'keuangan.bekasi', 'finance', bekasi),
  user('Hendra Gunawan', 'lks.bekasi', 'partner', bekasi),

  // Balai Besar "Kartini" di Temanggung
  user('Sri Wahyuningsih', 'kepala.temanggung', 'center_head', temanggung),
  user('Eko Prasetyo', 'peksos.temanggung', 'social_worker', temanggung),
  user('Lestari Widyaningrum', 'serasi.temanggung', 'desk_officer', temanggung),
  user('Slamet Riyadi', 'gudang.temanggung', 'warehouse_officer', temanggung),
  user('Teguh Santoso', 'bengkel.temanggung', 'workshop_officer', temanggung),
  user('Ani Rahmawati', 'kasir.temanggung', 'shop_cashier', temanggung),
  user('Budi Santoso', 'ska.temanggung', 'shop_manager', temanggung),
  user('Endah Puspitasari', 'keuangan.temanggung', 'finance', temanggung),
  user('Yohanes Budi Raharjo', 'lks.temanggung', 'partner', temanggung),

  // Balai "Naibonat" di Kupang: the multi-function example of the seeds
  user('Yosef Nahak Seran', 'kepala.kupang', 'center_head', demoCenterCodes.kupang),
  user('Maria Magdalena Bria', 'peksos.kupang', 'social_worker', demoCenterCodes.kupang),
  user('Agustinus Lake', 'serasi.kupang', 'desk_officer', demoCenterCodes.kupang),
];
