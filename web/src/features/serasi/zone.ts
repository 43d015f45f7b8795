import type { IndonesianZone } from '@atensi/domain';

const byIana: Record<string, IndonesianZone> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The reporter's own Indonesian zone, from the browser; WIB when the device is set elsewhere. */
export const browserZone = (): IndonesianZone => {
  try {
    return byIana[Intl.DateTimeFormat().resolvedOptions().timeZone] ?? 'WIB';
  } catch {
    return 'WIB';
  }
};
