import type { CreateCaseInput, CreatePersonInput } from '@atensi/domain';
import { demoCenterCodes } from './centers.data.ts';

/** Fictional people and their cases; `worker` is a demo username, `center` a demo centre code. */
export type DemoCase = {
  person: Omit<CreatePersonInput, 'centerId'>;
  center: string;
  worker: string;
  modality: CreateCaseInput['modality'];
  case: Pick<
    CreateCaseInput,
    'clusters' | 'intakeChannel' | 'problem' | 'urgency' | 'childSpecialProtection'
  >;
  /** A transfer the worker has asked for, waiting for the receiving head. */
  transfer?: { center: string; reason: string };
};

const person = (
  p: Partial<DemoCase['person']> & Pick<DemoCase['person'], 'fullName' | 'sex' | 'regionCode'>,
): DemoCase['person'] => ({
  nik: null,
  nikUnknownReason: null,
  nikWarningsConfirmed: false,
  kkNumber: null,
  aliases: [],
  birthDate: null,
  birthYearEstimate: null,
  birthPlace: null,
  rt: null,
  rw: null,
  street: null,
  phone: null,
  disabilityTypes: [],
  dtksStatus: 'unknown',
  dtksDecile: null,
  legalBasis: 'consent',
  consentBy: 'self',
  consentGuardianName: null,
  ...p,
});

export const demoCases: DemoCase[] = [
  {
    // The seeds' example: a person with a mental disorder in a village of Kabupaten Kupang goes to
    // the nearest covering balai, a children's balai, not to an ODGJ balai islands away.
    person: person({
      fullName: 'Yakobus Tefa',
      sex: 'male',
      nikUnknownReason: 'lost_documents',
      birthYearEstimate: 1984,
      regionCode: '53.01.05.2003',
      street: 'Dusun II, dekat pasar',
      disabilityTypes: ['mental'],
      legalBasis: 'vital_interest',
      consentBy: null,
    }),
    center: demoCenterCodes.kupang,
    worker: 'peksos.kupang',
    modality: 'residential',
    case: {
      clusters: ['odgj'],
      childSpecialProtection: false,
      intakeChannel: 'serasi',
      problem: 'Dilaporkan warga: dipasung keluarga di rumah kebun, tidak pernah berobat.',
      urgency: 'critical',
    },
  },
  {
    person: person({
      fullName: 'Slamet Riyanto',
      sex: 'male',
      nik: '3275011203580004',
      birthDate: '1958-03-12',
      regionCode: '32.75.01.1002',
      dtksStatus: 'registered',
      dtksDecile: 1,
    }),
    center: demoCenterCodes.bekasi,
    worker: 'peksos.bekasi',
    modality: 'residential',
    case: {
      clusters: ['elderly', 'social_deviance_trafficking'],
      childSpecialProtection: false,
      intakeChannel: 'outreach',
      problem: 'Lansia tidur di emperan pasar, tanpa keluarga yang merawat.',
      urgency: 'high',
    },
    transfer: {
      center: demoCenterCodes.temanggung,
      reason: 'Adik kandung ditemukan di Temanggung dan bersedia merawat bila beliau dilayani di dekatnya.',
    },
  },
  {
    person: person({
      fullName: 'Nur Aisyah',
      sex: 'female',
      nik: '3275015507150002',
      birthDate: '2015-07-15',
      regionCode: '32.75.01.1003',
      legalBasis: 'consent',
      consentBy: 'parent',
      consentGuardianName: 'Sumiati',
      disabilityTypes: ['physical'],
    }),
    center: demoCenterCodes.bekasi,
    worker: 'peksos.bekasi',
    modality: 'family',
    case: {
      clusters: ['child', 'disability'],
      childSpecialProtection: false,
      intakeChannel: 'family_request',
      problem: 'Membutuhkan kursi roda dan terapi fisik; keluarga tidak mampu.',
      urgency: 'medium',
    },
  },
];
