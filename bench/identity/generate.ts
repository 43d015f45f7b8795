import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Synthetic Indonesians for the duplicate-finder and registry benchmarks. Deterministic by
 * seed; a generator, so ten million people stream without being held in memory. A tenth of
 * the people are registered again (1–2 more records) with the slips field workers make, and
 * some share a very common name with strangers (hard negatives). Every record carries the
 * `truthId` of the real person behind it.
 */

/** mulberry32: a 32-bit seeded PRNG, uniform in [0, 1). */
export const mulberry32 = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

export type Sex = 'male' | 'female';
export type Culture =
  | 'javanese'
  | 'sundanese'
  | 'batak'
  | 'minang'
  | 'bugis'
  | 'ntt'
  | 'papuan'
  | 'muslim'
  | 'chinese'
  | 'balinese';

type NameParts = { male: readonly string[]; female: readonly string[]; family?: readonly string[] };

/** Given names (and family or second names) by culture. Spellings as found in registers. */
const names: Record<
  Culture,
  NameParts & { second?: { male: readonly string[]; female: readonly string[] } }
> = {
  javanese: {
    male: [
      'Joko',
      'Budi',
      'Wahyu',
      'Slamet',
      'Agus',
      'Bambang',
      'Suparno',
      'Sugiyono',
      'Sutrisno',
      'Sukarno',
      'Purwanto',
      'Hadi',
      'Eko',
      'Dwi',
      'Tri',
      'Sigit',
      'Bayu',
      'Teguh',
      'Heru',
      'Yanto',
      'Sumarno',
      'Sudarsono',
      'Paijo',
      'Tukiman',
      'Cahyono',
      'Parjo',
      'Gunawan',
      'Wagiman',
    ],
    female: [
      'Sri',
      'Siti',
      'Dewi',
      'Suparmi',
      'Sumarni',
      'Sulastri',
      'Tumini',
      'Wartini',
      'Endang',
      'Yuli',
      'Rini',
      'Wulan',
      'Sumiyati',
      'Ngatini',
      'Tri',
      'Dwi',
      'Kartini',
      'Suyatmi',
      'Painem',
      'Warsini',
      'Puji',
    ],
    second: {
      male: [
        'Santoso',
        'Susanto',
        'Wibowo',
        'Prasetyo',
        'Setiawan',
        'Hartono',
        'Purnomo',
        'Nugroho',
        'Kurniawan',
        'Widodo',
        'Susilo',
        'Raharjo',
        'Suyono',
        'Wijayanto',
        'Saputro',
        'Hidayat',
        'Riyadi',
        'Utomo',
      ],
      female: [
        'Wahyuni',
        'Lestari',
        'Rahayu',
        'Handayani',
        'Sulistyowati',
        'Ningsih',
        'Astuti',
        'Suryani',
        'Utami',
        'Rahmawati',
        'Wulandari',
        'Purwaningsih',
        'Susilowati',
        'Mulyani',
      ],
    },
  },
  sundanese: {
    male: [
      'Asep',
      'Ujang',
      'Dadang',
      'Cecep',
      'Dede',
      'Yayat',
      'Aep',
      'Deden',
      'Endang',
      'Iwan',
      'Ade',
      'Didin',
      'Ayi',
      'Engkos',
      'Jajang',
      'Oman',
    ],
    female: [
      'Iis',
      'Euis',
      'Neneng',
      'Nining',
      'Entin',
      'Ai',
      'Elis',
      'Yeni',
      'Rina',
      'Cucu',
      'Enok',
      'Imas',
      'Lilis',
      'Nenden',
      'Teti',
    ],
    second: {
      male: [
        'Sunarya',
        'Saepudin',
        'Hidayat',
        'Suryana',
        'Supriatna',
        'Mulyana',
        'Sumarna',
        'Permana',
        'Setiawan',
        'Rusmana',
        'Kusnadi',
        'Hermawan',
        'Sobari',
        'Rukmana',
      ],
      female: [
        'Kurniasih',
        'Rohaeti',
        'Nurhayati',
        'Komalasari',
        'Rosita',
        'Sumiati',
        'Hayati',
        'Nurjanah',
        'Maryati',
        'Rosmiati',
      ],
    },
  },
  batak: {
    male: [
      'Hotman',
      'Parlindungan',
      'Togar',
      'Benny',
      'Roy',
      'Jhonny',
      'Sahat',
      'Maruli',
      'Poltak',
      'Bonar',
      'Tigor',
      'Binsar',
      'Hendrik',
      'Robert',
      'Marihot',
      'Daniel',
    ],
    female: [
      'Rosmawati',
      'Tiurma',
      'Lamtiur',
      'Rotua',
      'Hotmaida',
      'Dame',
      'Rina',
      'Martha',
      'Ester',
      'Rosdiana',
      'Nurmala',
      'Sondang',
      'Tiominar',
      'Lenny',
    ],
    family: [
      'Simanjuntak',
      'Siregar',
      'Nainggolan',
      'Sitompul',
      'Hutapea',
      'Pardede',
      'Sinaga',
      'Situmorang',
      'Simatupang',
      'Panjaitan',
      'Nasution',
      'Harahap',
      'Lubis',
      'Tambunan',
      'Silalahi',
      'Manurung',
      'Hutagalung',
      'Sihombing',
      'Siahaan',
      'Pasaribu',
      'Tampubolon',
      'Sitorus',
      'Gultom',
      'Purba',
      'Saragih',
      'Ginting',
      'Sembiring',
      'Tarigan',
    ],
  },
  minang: {
    male: [
      'Rizal',
      'Syafril',
      'Yusrizal',
      'Afrizal',
      'Zulkifli',
      'Syamsul',
      'Jasman',
      'Alizar',
      'Hendri',
      'Efendi',
      'Zainal',
      'Asnawi',
      'Darmawan',
      'Yulizar',
      'Masrul',
      'Erman',
    ],
    female: [
      'Yulia',
      'Yusnimar',
      'Rosnidar',
      'Nurhayati',
      'Elfi',
      'Desmawati',
      'Yusniar',
      'Asmaniar',
      'Erniwati',
      'Syafrida',
      'Nurlela',
      'Yenti',
      'Rosmaini',
    ],
    family: ['Chaniago', 'Piliang', 'Tanjung', 'Koto', 'Sikumbang', 'Jambak', 'Guci', 'Melayu'],
    second: {
      male: ['Arifin', 'Bahar', 'Syafei', 'Idris', 'Malin', 'Sutan', 'Nasir', 'Amir', 'Datuak'],
      female: ['Yanti', 'Wati', 'Yusnita', 'Hasnah', 'Darmis', 'Nurbaiti'],
    },
  },
  bugis: {
    male: [
      'Andi',
      'Baso',
      'Beddu',
      'Sulaiman',
      'Hasanuddin',
      'Asriadi',
      'Syamsuddin',
      'Takdir',
      'Ilham',
      'Irwan',
      'Amiruddin',
      'Rusdi',
      'Nasrullah',
      'Jamaluddin',
      'Muhammad',
    ],
    female: [
      'Sitti',
      'Hasnah',
      'Nurhaedah',
      'Jumriah',
      'Rosmiati',
      'Hasmawati',
      'Marlina',
      'Andi',
      'Hadijah',
      'Nurhayati',
      'Suriani',
      'Hamsinah',
      'Nurmiati',
    ],
    second: {
      male: ['Amir', 'Rahman', 'Lewa', 'Makkasau', 'Sanusi', 'Tahir', 'Latif', 'Hamzah', 'Daeng Ngalle'],
      female: ['Rahman', 'Saleh', 'Baso', 'Tang', 'Daeng Caya', 'Mallongi'],
    },
  },
  ntt: {
    male: [
      'Yohanes',
      'Fransiskus',
      'Petrus',
      'Paulus',
      'Yosef',
      'Agustinus',
      'Aloysius',
      'Dominikus',
      'Gabriel',
      'Benediktus',
      'Markus',
      'Yakobus',
      'Stefanus',
      'Kornelis',
      'Marselinus',
    ],
    female: [
      'Maria',
      'Kristina',
      'Theresia',
      'Veronika',
      'Yuliana',
      'Adriana',
      'Marselina',
      'Yohana',
      'Agustina',
      'Margaretha',
      'Elisabeth',
      'Florentina',
      'Yasinta',
    ],
    family: [
      'Bria',
      'Ndun',
      'Lende',
      'Manek',
      'Nahak',
      'Seran',
      'Tallo',
      'Kase',
      'Bere',
      'Mau',
      'Klau',
      'Fanggidae',
      'Pah',
      'Amalo',
      'Wadu',
      'Doko',
      'Dhae',
      'Ratu',
      'Lewar',
      'Kolo',
      'Wutun',
      'Kelen',
      'Making',
      'Boli',
      'Nggadas',
      'Mbete',
    ],
  },
  papuan: {
    male: [
      'Yance',
      'Yakob',
      'Markus',
      'Yulius',
      'Benny',
      'Elias',
      'Natalis',
      'Obaja',
      'Nikolas',
      'Lukas',
      'Demianus',
      'Yunus',
      'Yeremias',
      'Otto',
      'Izak',
    ],
    female: [
      'Agustina',
      'Yuliana',
      'Ruth',
      'Dorkas',
      'Herlina',
      'Yosina',
      'Martha',
      'Yakomina',
      'Selfina',
      'Mince',
      'Naomi',
      'Debora',
      'Ester',
    ],
    family: [
      'Wenda',
      'Kogoya',
      'Rumbiak',
      'Wanimbo',
      'Tabuni',
      'Murib',
      'Wonda',
      'Kossay',
      'Yikwa',
      'Mirin',
      'Sawaki',
      'Rumbewas',
      'Mandowen',
      'Karubaba',
      'Rumaropen',
      'Wakerkwa',
      'Ayomi',
      'Kambu',
      'Mofu',
      'Tebay',
      'Pigai',
      'Gobai',
      'Douw',
      'Mote',
    ],
  },
  muslim: {
    male: [
      'Muhammad',
      'Ahmad',
      'Abdul',
      'Rahmat',
      'Yusuf',
      'Ibrahim',
      'Ismail',
      'Hasan',
      'Ali',
      'Umar',
      'Usman',
      'Abdullah',
      'Ridwan',
      'Arif',
      'Rizki',
      'Fadli',
      'Sulaiman',
      'Zulkarnain',
      'Khairul',
      'Syaiful',
      'Hamzah',
      'Nur',
      'Achmad',
      'Mochammad',
    ],
    female: [
      'Siti',
      'Nur',
      'Fatimah',
      'Aisyah',
      'Khadijah',
      'Zainab',
      'Aminah',
      'Nurhayati',
      'Maryam',
      'Halimah',
      'Fitri',
      'Rahmawati',
      'Nurul',
      'Ainun',
      'Rohani',
      'Salmah',
      'Nurjanah',
    ],
    second: {
      male: [
        'Yusuf',
        'Hidayat',
        'Fauzi',
        'Hamid',
        'Rahman',
        'Hakim',
        'Ridwan',
        'Ismail',
        'Ibrahim',
        'Syahputra',
        'Iskandar',
        'Hasanuddin',
        'Abdullah',
        'Maulana',
        'Ramadhan',
        'Firmansyah',
        'Nasution',
        'Kurniawan',
        'Saputra',
        'Hidayatullah',
      ],
      female: [
        'Aminah',
        'Fatimah',
        'Hasanah',
        'Nurhaliza',
        'Rahmawati',
        'Khadijah',
        'Maryam',
        'Zubaidah',
        'Aisyah',
        'Hidayati',
        'Safitri',
        'Handayani',
        'Rohmah',
        'Masitoh',
      ],
    },
  },
  chinese: {
    male: [
      'Hendra',
      'Budi',
      'Kevin',
      'Steven',
      'Michael',
      'Felix',
      'Andreas',
      'Ferry',
      'Yohan',
      'Hengky',
      'Rudy',
      'Sutanto',
      'Lukman',
      'Willy',
    ],
    female: [
      'Yenny',
      'Lily',
      'Melinda',
      'Susanti',
      'Sherly',
      'Vivian',
      'Linda',
      'Lanny',
      'Fransisca',
      'Meiliana',
      'Lisa',
      'Cindy',
    ],
    family: [
      'Wijaya',
      'Gunawan',
      'Kurniawan',
      'Santoso',
      'Halim',
      'Tanoto',
      'Salim',
      'Susanto',
      'Hartanto',
      'Hermawan',
      'Suryadi',
      'Effendi',
      'Tanujaya',
      'Kusuma',
      'Setiadi',
      'Lim',
      'Tan',
      'Liem',
      'Oey',
      'Widjaja',
      'Tjandra',
    ],
  },
  balinese: {
    male: ['Wayan', 'Made', 'Nyoman', 'Ketut', 'Putu', 'Gede', 'Kadek', 'Komang'],
    female: ['Luh', 'Made', 'Nyoman', 'Ketut', 'Putu', 'Kadek', 'Komang', 'Luh Putu'],
    family: [
      'Sudarma',
      'Suardana',
      'Sukerti',
      'Ariani',
      'Widiastuti',
      'Suastika',
      'Mertayasa',
      'Suparta',
      'Sudiarta',
      'Yasa',
      'Astawa',
      'Suwitri',
      'Sumerti',
      'Artini',
    ],
  },
};

/** Old-style Chinese-Indonesian names (three syllables, clan first), kept by many elderly people. */
const chineseOld = {
  clan: ['Lim', 'Tan', 'Oei', 'Liem', 'Go', 'Kwee', 'Ong', 'The'],
  syllable: ['Swie', 'Hok', 'Kim', 'Liong', 'Siok', 'Lan', 'Siu', 'Tjoe', 'Hwa', 'Bing', 'Gwan', 'Mei'],
};

/** Names so common that strangers share them: the hard negatives. */
export const commonNames: Record<Sex, readonly string[]> = {
  male: [
    'Muhammad Yusuf',
    'Muhammad Rizki',
    'Ahmad Fauzi',
    'Rahmat Hidayat',
    'Budi Santoso',
    'Agus Setiawan',
    'Slamet',
    'Asep Saepudin',
    'Abdul Rahman',
    'Yohanes Bria',
  ],
  female: [
    'Siti Aminah',
    'Siti Fatimah',
    'Nur Hasanah',
    'Sri Wahyuni',
    'Dewi Lestari',
    'Suparmi',
    'Siti Rahayu',
    'Maria Seran',
    'Sri Rahayu',
    'Nurhayati',
  ],
};

/** Rough population by province (millions, 2020 census order of magnitude): villages are drawn in proportion. */
const provinceWeight: Record<string, number> = {
  '11': 5.4,
  '12': 15,
  '13': 5.6,
  '14': 6.6,
  '15': 3.6,
  '16': 8.6,
  '17': 2,
  '18': 9,
  '19': 1.5,
  '21': 2.1,
  '31': 10.6,
  '32': 49,
  '33': 37,
  '34': 3.7,
  '35': 41,
  '36': 12,
  '51': 4.3,
  '52': 5.5,
  '53': 5.5,
  '61': 5.5,
  '62': 2.7,
  '63': 4.1,
  '64': 3.9,
  '65': 0.7,
  '71': 2.6,
  '72': 3,
  '73': 9.2,
  '74': 2.7,
  '75': 1.2,
  '76': 1.4,
  '81': 1.9,
  '82': 1.3,
  '91': 1,
  '92': 0.6,
  '93': 0.5,
  '94': 1.4,
  '95': 1.4,
  '96': 0.6,
};

/** Which naming culture a person of a province most likely has. */
const culturesOf = (province: string): (readonly [Culture, number])[] => {
  switch (province) {
    case '33':
    case '34':
    case '35':
      return [
        ['javanese', 0.62],
        ['muslim', 0.33],
        ['chinese', 0.05],
      ];
    case '32':
    case '36':
      return [
        ['sundanese', 0.5],
        ['muslim', 0.38],
        ['javanese', 0.08],
        ['chinese', 0.04],
      ];
    case '31':
      return [
        ['javanese', 0.3],
        ['muslim', 0.3],
        ['sundanese', 0.12],
        ['batak', 0.1],
        ['chinese', 0.1],
        ['minang', 0.05],
        ['bugis', 0.03],
      ];
    case '12':
      return [
        ['batak', 0.5],
        ['muslim', 0.28],
        ['javanese', 0.12],
        ['chinese', 0.1],
      ];
    case '13':
      return [
        ['minang', 0.65],
        ['muslim', 0.35],
      ];
    case '73':
    case '76':
      return [
        ['bugis', 0.6],
        ['muslim', 0.4],
      ];
    case '53':
      return [
        ['ntt', 0.9],
        ['muslim', 0.1],
      ];
    case '51':
      return [
        ['balinese', 0.85],
        ['muslim', 0.1],
        ['javanese', 0.05],
      ];
    case '91':
    case '92':
    case '93':
    case '94':
    case '95':
    case '96':
      return [
        ['papuan', 0.7],
        ['ntt', 0.1],
        ['javanese', 0.1],
        ['bugis', 0.1],
      ];
    case '61':
      return [
        ['muslim', 0.5],
        ['javanese', 0.25],
        ['chinese', 0.2],
        ['batak', 0.05],
      ];
    default:
      return [
        ['muslim', 0.55],
        ['javanese', 0.3],
        ['sundanese', 0.05],
        ['batak', 0.05],
        ['chinese', 0.05],
      ];
  }
};

export type Village = { code: string; district: string };
export type Villages = {
  /** Villages of each province, and the province weights to draw them by. */
  byProvince: Map<string, Village[]>;
  provinces: (readonly [string, number])[];
  byDistrict: Map<string, string[]>;
};

/** Every village of idn-area-data (code `PP.KK.CC.DDDD`), grouped for drawing by population. */
export const loadVillages = (): Villages => {
  const file = join(
    dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
    'data/villages.csv',
  );
  const byProvince = new Map<string, Village[]>();
  const byDistrict = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const [code, district] = line.split(',');
    if (!code || !district) continue;
    const province = code.slice(0, 2);
    const list = byProvince.get(province) ?? [];
    if (list.length === 0) byProvince.set(province, list);
    list.push({ code, district });
    const siblings = byDistrict.get(district) ?? [];
    if (siblings.length === 0) byDistrict.set(district, siblings);
    siblings.push(code);
  }
  const provinces = [...byProvince.keys()].map((p) => [p, provinceWeight[p] ?? 1] as const);
  return { byProvince, provinces, byDistrict };
};

export type NikUnknownReason =
  | 'homeless'
  | 'unidentified_child'
  | 'lost_documents'
  | 'not_registered'
  | 'other';

export type SyntheticPerson = {
  /** The real person behind the record: duplicates share it. */
  truthId: number;
  /** 0 for the first record of a person, 1–2 for the records registered again. */
  copy: number;
  /** What the copy changed, for reading results (`typo`, `title`, `moved`…). */
  variations: string[];
  culture: Culture;
  fullName: string;
  sex: Sex;
  birthDate: string | null;
  birthYearEstimate: number | null;
  regionCode: string;
  nik: string | null;
  nikUnknownReason: NikUnknownReason | null;
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** NIK = district code without dots, DD (+40 for women), MM, YY, a 4-digit sequence. */
export const makeNik = (district: string, birth: string, sex: Sex, sequence: number): string => {
  const [y, m, d] = birth.split('-');
  const day = Number(d) + (sex === 'female' ? 40 : 0);
  return `${district.replace(/\./g, '')}${pad2(day)}${m}${y!.slice(2)}${String(sequence).padStart(4, '0')}`;
};

const capitalise = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

/** Writes a modern word in the pre-1972 spelling (Suparno → Soeparno, Joko → Djoko, Cahyono → Tjahjono). */
export const oldSpelling = (word: string): string => {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const two = lower.slice(i, i + 2);
    if (two === 'kh') {
      out += 'ch';
      i++;
    } else if (two === 'sy') {
      out += 'sj';
      i++;
    } else if (two === 'ny') {
      out += 'nj';
      i++;
    } else if (c === 'u') out += 'oe';
    else if (c === 'c') out += 'tj';
    else if (c === 'j') out += 'dj';
    else if (c === 'y') out += 'j';
    else out += c;
  }
  return capitalise(out);
};

/** Spelling variants a worker may write for a word of a name (all meet again under normalizeName). */
const spellingVariants: Record<string, readonly string[]> = {
  muhammad: ['Muhamad', 'Mohammad', 'Mohamad', 'M.', 'Muh.', 'Mochammad', 'Moh.'],
  mochammad: ['Muhammad', 'Muhamad', 'M.'],
  ahmad: ['Achmad', 'Akhmad'],
  achmad: ['Ahmad'],
  abdul: ['Abd.', 'Abdoel'],
  siti: ['Sitti', 'St.'],
  sitti: ['Siti'],
  yusuf: ['Yusup', 'Jusuf'],
  nur: ['Nor', 'Noer'],
  hasanuddin: ['Hasanudin'],
  syamsuddin: ['Syamsudin', 'Sjamsuddin'],
  jamaluddin: ['Jamaludin'],
  amiruddin: ['Amirudin'],
  abdullah: ['Abdulah'],
  khadijah: ['Hadijah', 'Chadijah'],
  khairul: ['Chairul'],
  hidayat: ['Hidajat'],
  wijaya: ['Widjaja'],
  widjaja: ['Wijaya'],
  rahmat: ['Rachmat'],
  fatimah: ['Fatima'],
};

export type Variation =
  | 'spelling'
  | 'old_spelling'
  | 'title'
  | 'typo'
  | 'order'
  | 'birth_swapped'
  | 'birth_year_only'
  | 'moved';

export type GenerateOptions = {
  seed: number;
  /** Records to produce (copies included); the stream ends there. */
  records: number;
  /** Share of people registered again (1–2 more records). */
  duplicateRate?: number;
  /** Share of people given one of the `commonNames`. */
  commonNameRate?: number;
  /** Share without NIK. */
  noNikRate?: number;
  villages: Villages;
};

export class PersonGenerator {
  private readonly rng: Rng;
  private sequence = 0;
  constructor(
    private readonly options: GenerateOptions,
    seedOffset = 0,
  ) {
    this.rng = new Rng(options.seed + seedOffset);
  }

  private village(): Village {
    const { villages } = this.options;
    return this.rng.pick(villages.byProvince.get(this.rng.weighted(villages.provinces))!);
  }

  private nextSequence(): number {
    this.sequence = (this.sequence % 9999) + 1;
    return this.sequence;
  }

  name(culture: Culture, sex: Sex, birthYear: number): string {
    const r = this.rng;
    const parts = names[culture];
    const given = r.pick(parts[sex]);
    switch (culture) {
      case 'javanese': {
        // Single names are common in Java, especially among older people.
        if (r.chance(birthYear < 1970 ? 0.55 : 0.25)) {
          return birthYear < 1960 && r.chance(0.3) ? oldSpelling(given) : given;
        }
        return `${given} ${r.pick(parts.second![sex])}`;
      }
      case 'sundanese':
      case 'muslim':
        if (culture === 'muslim' && r.chance(0.1)) return given;
        if (r.chance(0.15)) return `${given} ${r.pick(parts.second![sex])} ${r.pick(parts.second![sex])}`;
        return `${given} ${r.pick(parts.second![sex])}`;
      case 'minang':
        return r.chance(0.4) ? `${given} ${r.pick(parts.family!)}` : `${given} ${r.pick(parts.second![sex])}`;
      case 'bugis':
        return r.chance(0.2)
          ? given
          : `${given}${r.chance(0.2) ? ` ${r.pick(parts.male)}` : ''} ${r.pick(parts.second![sex])}`;
      case 'batak':
      case 'ntt':
      case 'papuan':
        return r.chance(0.3)
          ? `${given} ${r.pick(parts[sex])} ${r.pick(parts.family!)}`
          : `${given} ${r.pick(parts.family!)}`;
      case 'chinese':
        if (birthYear < 1965 && r.chance(0.5)) {
          return `${r.pick(chineseOld.clan)} ${r.pick(chineseOld.syllable)} ${r.pick(chineseOld.syllable)}`;
        }
        return `${given} ${r.pick(parts.family!)}`;
      case 'balinese':
        return `${sex === 'male' ? 'I' : 'Ni'} ${given} ${r.pick(parts.family!)}`;
    }
  }

  /** A new real person: the first record of a truthId. */
  person(truthId: number): SyntheticPerson {
    const r = this.rng;
    const { village, district } = ((v) => ({ village: v.code, district: v.district }))(this.village());
    const culture = r.weighted(culturesOf(village.slice(0, 2)));
    const sex: Sex = r.chance(0.5) ? 'male' : 'female';
    const year = r.int(1935, 2022);
    const month = r.int(1, 12);
    const birth = `${year}-${pad2(month)}-${pad2(r.int(1, daysIn(year, month)))}`;
    const fullName = r.chance(this.options.commonNameRate ?? 0.04)
      ? r.pick(commonNames[sex])
      : this.name(culture, sex, year);
    // Homeless and elderly people without papers often have only an estimated year.
    const estimated = r.chance(0.1);
    const noNik = r.chance((this.options.noNikRate ?? 0.3) + (estimated ? 0.4 : 0));
    return {
      truthId,
      copy: 0,
      variations: [],
      culture,
      fullName,
      sex,
      birthDate: estimated ? null : birth,
      birthYearEstimate: estimated ? year + r.int(-2, 2) : null,
      regionCode: village,
      nik: noNik ? null : makeNik(district, birth, sex, this.nextSequence()),
      nikUnknownReason: noNik
        ? r.weighted([
            ['not_registered', 4],
            ['lost_documents', 3],
            ['homeless', 2],
            ['unidentified_child', 0.5],
            ['other', 0.5],
          ] as const)
        : null,
    };
  }

  private typo(word: string): string {
    const r = this.rng;
    if (word.length < 4) return word;
    const i = r.int(1, word.length - 2);
    const kind = r.int(0, 2);
    if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
    if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    const letters = 'aiueonrstklmdgh';
    return word.slice(0, i) + r.pick(letters.split('').filter((c) => c !== word[i])) + word.slice(i + 1);
  }

  /** The same person registered again, with 1–3 of the usual slips. */
  copyOf(original: SyntheticPerson, copy: number): SyntheticPerson {
    const r = this.rng;
    const out: SyntheticPerson = { ...original, copy, variations: [] };
    let words = original.fullName.split(' ');
    const possible: Variation[] = ['spelling', 'title', 'typo', 'birth_year_only', 'moved'];
    if (words.length === 2) possible.push('order');
    if (words.some((w) => /u|j|c|y/i.test(w))) possible.push('old_spelling');
    const birth = original.birthDate?.split('-').map(Number);
    if (birth && birth[2]! <= 12 && birth[2] !== birth[1]) possible.push('birth_swapped');
    const count = r.weighted([
      [1, 5],
      [2, 4],
      [3, 1],
    ] as const);
    const chosen = new Set<Variation>();
    while (chosen.size < Math.min(count, possible.length)) chosen.add(r.pick(possible));
    for (const v of chosen) {
      switch (v) {
        case 'spelling': {
          const at = words.findIndex((w) => spellingVariants[w.toLowerCase()]);
          if (at < 0) {
            // Doubled letter written single or the other way round (Hasanuddin / Hasanudin).
            const i = r.int(0, words.length - 1);
            const w = words[i]!;
            const single = w.replace(/([a-z])\1/, '$1');
            words[i] = single !== w ? single : w.replace(/([lnmdt])/, '$1$1');
          } else {
            words[at] = r.pick(spellingVariants[words[at]!.toLowerCase()]!);
          }
          break;
        }
        case 'old_spelling': {
          const i = words.findIndex((w) => /u|j|c|y/i.test(w));
          if (i >= 0) words[i] = oldSpelling(words[i]!);
          break;
        }
        case 'title':
          if (r.chance(0.5))
            words = [
              original.sex === 'male' ? r.pick(['H.', 'Drs.', 'Bapak']) : r.pick(['Hj.', 'Ibu']),
              ...words,
            ];
          else
            words = [...words.slice(0, -1), `${words[words.length - 1]},`, r.pick(['S.Pd.', 'S.E.', 'S.H.'])];
          break;
        case 'typo': {
          const i = r.int(0, words.length - 1);
          words[i] = this.typo(words[i]!);
          break;
        }
        case 'order':
          words = [words[1]!, words[0]!];
          break;
        case 'birth_swapped': {
          const [y, m, d] = birth!;
          out.birthDate = `${y}-${pad2(d!)}-${pad2(m!)}`;
          break;
        }
        case 'birth_year_only': {
          const year = original.birthDate
            ? Number(original.birthDate.slice(0, 4))
            : (original.birthYearEstimate ?? 1970);
          out.birthDate = null;
          out.birthYearEstimate = year + r.int(-1, 1);
          break;
        }
        case 'moved': {
          const siblings = this.options.villages.byDistrict.get(original.regionCode.slice(0, 8)) ?? [];
          out.regionCode = siblings.length > 1 ? r.pick(siblings) : original.regionCode;
          break;
        }
      }
      out.variations.push(v);
    }
    out.fullName = words.join(' ').replace(/ ,/g, ',');
    // One live record per NIK: a record registered again has no NIK (that is how it got in),
    // or the first record had none and the copy brought it.
    if (original.nik) {
      out.nik = null;
      out.nikUnknownReason = r.pick(['lost_documents', 'not_registered', 'homeless'] as const);
      out.variations.push('nik_missing');
    } else if (r.chance(0.3) && out.birthDate) {
      out.nik = makeNik(out.regionCode.slice(0, 8), out.birthDate, out.sex, this.nextSequence());
      out.nikUnknownReason = null;
      out.variations.push('nik_added');
    }
    return out;
  }

  /** Records in order; the copies of a person follow the person after a short random delay. */
  *records(): Generator<SyntheticPerson> {
    const { records, duplicateRate = 0.1 } = this.options;
    const pending: { at: number; record: SyntheticPerson }[] = [];
    let produced = 0;
    let truthId = 0;
    while (produced < records) {
      const due = pending.findIndex((p) => p.at <= produced);
      if (due >= 0) {
        yield pending.splice(due, 1)[0]!.record;
        produced++;
        continue;
      }
      const person = this.person(++truthId);
      yield person;
      produced++;
      if (this.rng.chance(duplicateRate)) {
        const copies = this.rng.chance(0.75) ? 1 : 2;
        for (let c = 1; c <= copies; c++) {
          pending.push({ at: produced + this.rng.int(0, 200), record: this.copyOf(person, c) });
        }
      }
    }
  }
}
