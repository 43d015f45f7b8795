import { createPersonInput, type Person, updatePersonInput, validationMessages } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../lib/validation';
import { ageLabel, ageOn, birthLabel, lineageLabel, percent, todayInWib } from './personFormat';
import {
  duplicateQueryForPerson,
  duplicateQueryFrom,
  emptyPersonValues,
  formPathOf,
  nikCheckedFieldsChanged,
  type PersonFormValues,
  personIssuesToErrors,
  personToValues,
  registeringCenters,
  serverErrorsToForm,
  valuesToInput,
} from './personFormValues';

const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);
const centerId = '0190f1b2-0000-7000-8000-000000000001';

const filled = (patch: Partial<PersonFormValues> = {}): PersonFormValues => ({
  ...emptyPersonValues(centerId),
  nik: '3216064101900003',
  fullName: 'Siti Aminah',
  sex: 'female',
  birthDate: '1990-01-01',
  regionCode: '32.16.06.2001',
  legalBasis: 'consent',
  consentBy: 'self',
  ...patch,
});

const errorsOf = (v: PersonFormValues) => {
  const input = { ...valuesToInput(v), centerId: v.centerId };
  const result = createPersonInput.safeParse(input);
  return result.success ? {} : personIssuesToErrors(result.error.issues, input, v, t, 'id');
};

describe('valuesToInput with the domain schema', () => {
  it('accepts a complete registration', () => {
    expect(errorsOf(filled())).toEqual({});
    const parsed = createPersonInput.parse({ ...valuesToInput(filled()), centerId });
    expect(parsed).toMatchObject({
      nik: '3216064101900003',
      nikUnknownReason: null,
      birthYearEstimate: null,
    });
  });

  it('sends the reason, not the NIK, when the NIK is unknown', () => {
    const input = valuesToInput(filled({ nikUnknown: true, nikUnknownReason: 'homeless' }));
    expect(input.nik).toBeNull();
    expect(input.nikUnknownReason).toBe('homeless');
    expect(valuesToInput(filled({ nikUnknownReason: 'homeless' })).nikUnknownReason).toBeNull();
  });

  it('sends the estimated year, not the date, when the birth date is unknown', () => {
    const input = valuesToInput(filled({ birthDateUnknown: true, birthYearEstimate: 1975 }));
    expect(input.birthDate).toBeNull();
    expect(input.birthYearEstimate).toBe(1975);
    expect(valuesToInput(filled({ birthYearEstimate: 1975 })).birthYearEstimate).toBeNull();
    expect(
      valuesToInput(filled({ birthDateUnknown: true, birthYearEstimate: '1980' })).birthYearEstimate,
    ).toBe(1980);
  });

  it('keeps the decile only when registered in DTKS, and the guardian only for parent/guardian', () => {
    expect(valuesToInput(filled({ dtksStatus: 'registered', dtksDecile: '3' })).dtksDecile).toBe(3);
    expect(valuesToInput(filled({ dtksStatus: 'unknown', dtksDecile: '3' })).dtksDecile).toBeNull();
    expect(valuesToInput(filled({ consentGuardianName: 'Budi' })).consentGuardianName).toBeNull();
    expect(
      valuesToInput(filled({ consentBy: 'parent', consentGuardianName: ' Budi ' })).consentGuardianName,
    ).toBe('Budi');
  });

  it('round-trips a saved person for editing', () => {
    const person = {
      id: '0190f1b2-0000-7000-8000-000000000002',
      fullName: 'Siti Aminah',
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1970,
      nikMasked: null,
      regionCode: '32.16.06.2001',
      regionName: 'Sukamaju',
      mergedIntoId: null,
      version: 3,
      nik: null,
      nikUnknownReason: 'lost_documents',
      nikWarningsConfirmed: false,
      kkNumber: null,
      aliases: ['Iti'],
      birthPlace: null,
      rt: '001',
      rw: null,
      street: null,
      phone: null,
      regionLineage: [],
      disabilityTypes: ['physical'],
      dtksStatus: 'registered',
      dtksDecile: 2,
      legalBasis: 'public_task',
      consentBy: null,
      consentGuardianName: null,
      registeredAtCenterId: centerId,
      family: [],
      servedElsewhere: [],
      mergedFrom: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    } satisfies Person;
    const values = personToValues(person);
    expect(values).toMatchObject({ nikUnknown: true, birthDateUnknown: true, dtksDecile: '2' });
    const parsed = updatePersonInput.parse({ ...valuesToInput(values), version: person.version });
    expect(parsed).toMatchObject({
      nikUnknownReason: 'lost_documents',
      birthYearEstimate: 1970,
      dtksDecile: 2,
    });
  });
});

describe('form errors', () => {
  it('puts "NIK or reason" on the NIK while the reason is hidden, and on the reason when shown', () => {
    const message = validationMessages['validation.nik_or_reason'].id;
    expect(errorsOf(filled({ nik: '' }))).toEqual({ nik: message });
    expect(errorsOf(filled({ nikUnknown: true }))).toEqual({ nikUnknownReason: message });
  });

  it('puts "date or estimate" on the visible birth field', () => {
    const message = validationMessages['validation.birth_date_or_estimate'].id;
    expect(errorsOf(filled({ birthDate: '' }))).toEqual({ birthDate: message });
    expect(errorsOf(filled({ birthDateUnknown: true }))).toEqual({ birthYearEstimate: message });
  });

  it('says what is wrong with a NIK, sex, consent and region', () => {
    const errors = errorsOf(
      filled({ nik: '12345', sex: '', consentBy: '', regionCode: '32.16', rt: 'abc', aliases: [''] }),
    );
    expect(errors).toEqual({
      nik: validationMessages['validation.sixteen_digits'].id,
      sex: 'validation.required',
      consentBy: validationMessages['validation.consent_giver'].id,
      regionCode: 'persons.villageRequired',
      rt: validationMessages['validation.rt_rw'].id,
    });
    expect(errorsOf(filled({ consentBy: 'guardian' }))).toEqual({
      consentGuardianName: validationMessages['validation.guardian_name'].id,
    });
  });

  it('maps server fields the same way', () => {
    expect(
      serverErrorsToForm(
        [
          { path: 'birthDate', message: 'x' },
          { path: 'aliases[1]', message: 'y' },
        ],
        filled({ birthDateUnknown: true }),
      ),
    ).toEqual({ birthYearEstimate: 'x', aliases: 'y' });
    expect(formPathOf('sex', filled())).toBe('sex');
  });
});

describe('duplicateQueryFrom', () => {
  it('waits for a name of 3 letters plus one more fact', () => {
    const bare = emptyPersonValues(centerId);
    expect(duplicateQueryFrom({ ...bare, fullName: 'Siti' })).toBeNull();
    expect(duplicateQueryFrom({ ...bare, fullName: 'Si', sex: 'female' })).toBeNull();
    expect(duplicateQueryFrom({ ...bare, fullName: ' Siti ', sex: 'female' })).toEqual({
      nik: null,
      fullName: 'Siti',
      sex: 'female',
      birthDate: null,
      birthYearEstimate: null,
      regionCode: null,
      excludeId: null,
      limit: 10,
    });
    expect(duplicateQueryFrom({ ...bare, fullName: 'Siti', regionCode: '32' })?.regionCode).toBe('32');
    expect(duplicateQueryFrom({ ...bare, fullName: 'Siti', birthDate: '1990-01-01' })?.birthDate).toBe(
      '1990-01-01',
    );
  });

  it('uses the estimate only when the date is unknown, and only a plausible year', () => {
    const bare = { ...emptyPersonValues(centerId), fullName: 'Siti' };
    expect(duplicateQueryFrom({ ...bare, birthYearEstimate: 1980 })).toBeNull();
    expect(duplicateQueryFrom({ ...bare, birthDateUnknown: true, birthYearEstimate: 198 })).toBeNull();
    expect(
      duplicateQueryFrom({ ...bare, birthDateUnknown: true, birthYearEstimate: 1980 })?.birthYearEstimate,
    ).toBe(1980);
  });

  it('checks a complete NIK at once, even before the name', () => {
    const bare = emptyPersonValues(centerId);
    expect(duplicateQueryFrom({ ...bare, nik: '321606410190' })).toBeNull();
    expect(duplicateQueryFrom({ ...bare, nik: '3216064101900003' })).toMatchObject({
      nik: '3216064101900003',
      fullName: '3216064101900003',
    });
    expect(duplicateQueryFrom({ ...bare, nik: '3216064101900003', fullName: 'Siti' })?.fullName).toBe('Siti');
    expect(duplicateQueryFrom({ ...bare, nik: '3216064101900003', nikUnknown: true })).toBeNull();
  });

  it('excludes the person being edited', () => {
    expect(duplicateQueryFrom(filled(), 'abc')?.excludeId).toBe('abc');
  });

  it('builds the merge search from a saved person', () => {
    const q = duplicateQueryForPerson({
      id: 'p1',
      nik: null,
      fullName: 'Siti',
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1970,
      regionCode: '32',
    } as Person);
    expect(q).toMatchObject({ excludeId: 'p1', fullName: 'Siti', birthYearEstimate: 1970, nik: null });
  });
});

describe('registeringCenters', () => {
  it('lists each centre once where the user is a caseworker', () => {
    expect(
      registeringCenters({
        roles: [
          { role: 'social_worker', centerId: 'a', centerName: 'Balai A' },
          { role: 'center_head', centerId: 'a', centerName: 'Balai A' },
          { role: 'warehouse_officer', centerId: 'b', centerName: 'Balai B' },
          { role: 'desk_officer', centerId: 'c', centerName: null },
          { role: 'central', centerId: null, centerName: null },
        ],
      }),
    ).toEqual([
      { id: 'a', name: 'Balai A' },
      { id: 'c', name: 'c' },
    ]);
  });
});

describe('nikCheckedFieldsChanged', () => {
  it('notices changes to what the NIK is checked against, nothing else', () => {
    expect(nikCheckedFieldsChanged(filled(), filled({ street: 'Jl. Baru' }))).toBe(false);
    expect(nikCheckedFieldsChanged(filled(), filled({ sex: 'male' }))).toBe(true);
    expect(nikCheckedFieldsChanged(filled(), filled({ birthDate: '1990-01-02' }))).toBe(true);
  });
});

describe('display helpers', () => {
  it('shows a birth date in Indonesian, or the estimated year', () => {
    expect(birthLabel({ birthDate: '1990-08-17', birthYearEstimate: null }, t, 'id')).toBe('17 Agustus 1990');
    expect(birthLabel({ birthDate: null, birthYearEstimate: 1975 }, t, 'id')).toBe(
      'persons.birthEstimate {"year":1975}',
    );
    expect(birthLabel({ birthDate: null, birthYearEstimate: null }, t, 'id')).toBe('common.none');
  });

  it('computes ages, exact or estimated', () => {
    expect(ageOn('1990-08-17', '2026-08-16')).toBe(35);
    expect(ageOn('1990-08-17', '2026-08-17')).toBe(36);
    expect(ageOn('2030-01-01', '2026-01-01')).toBeNull();
    expect(ageLabel({ birthDate: '1990-08-17', birthYearEstimate: null }, t, '2026-09-01')).toBe(
      'persons.ageValue {"age":36}',
    );
    expect(ageLabel({ birthDate: null, birthYearEstimate: 1980 }, t, '2026-09-01')).toBe(
      'persons.ageEstimate {"age":46}',
    );
  });

  it('gives today in WIB', () => {
    expect(todayInWib(new Date('2026-01-01T18:00:00Z'))).toBe('2026-01-02');
  });

  it('rounds scores and writes lineages village first', () => {
    expect(percent(0.876)).toBe(88);
    expect(percent(1.2)).toBe(100);
    expect(lineageLabel([{ name: 'Jawa Barat' }, { name: 'Kab. Bekasi' }], 'x')).toBe(
      'Kab. Bekasi, Jawa Barat',
    );
    expect(lineageLabel([], '32')).toBe('32');
  });
});
