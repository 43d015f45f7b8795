import type { FileTicketInput } from '@atensi/domain';

/** Fictional SERASI tickets, as the public would file them; `hoursAgo` ages them for the SLA view. */
export type DemoTicket = Omit<
  FileTicketInput,
  'formToken' | 'website' | 'photo' | 'consentAccepted' | 'consentVersion'
> & {
  hoursAgo: number;
};

export const demoTickets: DemoTicket[] = [
  {
    type: 'report_person',
    subject: 'abandoned_elder',
    aidProgram: null,
    description:
      'Seorang nenek tidur di halte depan pasar sejak seminggu, tampak sakit dan tidak ada keluarga yang menjemput.',
    regionCode: '32.75.01.1002',
    landmark: 'Halte depan Pasar Baru',
    anonymous: false,
    reporterName: 'Dewi Lestari',
    reporterContact: '0813-1111-2222',
    hoursAgo: 30,
  },
  {
    type: 'complaint_aid',
    subject: null,
    aidProgram: 'bpnt',
    description:
      'Kartu BPNT ibu saya tidak bisa dipakai sejak tiga bulan, sudah lapor ke kelurahan belum ada jawaban.',
    regionCode: '32.75.01.1003',
    landmark: null,
    anonymous: false,
    reporterName: 'Rudi Hartono',
    reporterContact: 'rudi.hartono@example.com',
    hoursAgo: 3,
  },
  {
    type: 'report_person',
    subject: 'neglected_child',
    aidProgram: null,
    description:
      'Dua anak kecil sering ditinggal sendirian di rumah tanpa makanan, orang tua bekerja di luar kota.',
    regionCode: '53.01.05.2003',
    landmark: 'Rumah bercat biru dekat gereja',
    anonymous: true,
    reporterName: null,
    reporterContact: null,
    hoursAgo: 2,
  },
];
