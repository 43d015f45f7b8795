import { createCenterInput, createUserInput, validationMessages } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { issuesToFormErrors, type Translate } from './validation';

const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

const validCenter = {
  code: 'BRS-01',
  name: 'Balai Budi Luhur',
  type: 'balai',
  street: '',
  regionCode: '32.01',
  latitude: null,
  longitude: null,
  phone: '',
  email: '',
  headName: '',
  bedCapacity: 10,
  occupiedBeds: 2,
  facilities: [],
  specialtyClusters: [],
  serviceClusters: ['child'],
  coverage: ['32'],
};

const errorsFor = (
  schema: typeof createCenterInput | typeof createUserInput,
  input: unknown,
  collapse?: string[],
) => {
  const result = schema.safeParse(input);
  return result.success ? {} : issuesToFormErrors(result.error.issues, input, t, collapse);
};

describe('issuesToFormErrors with the domain schemas', () => {
  it('accepts a valid centre', () => {
    expect(errorsFor(createCenterInput, validCenter)).toEqual({});
  });

  it('says "required" for empty required fields and "choose one" for empty lists', () => {
    const errors = errorsFor(
      createCenterInput,
      { ...validCenter, name: '', type: undefined, regionCode: '', bedCapacity: undefined, coverage: [] },
      ['coverage'],
    );
    expect(errors).toMatchObject({
      name: 'validation.required',
      type: 'validation.required',
      regionCode: 'validation.required',
      bedCapacity: 'validation.required',
      coverage: 'validation.chooseOne',
    });
  });

  it('localises format, range and refinement issues', () => {
    const errors = errorsFor(
      createCenterInput,
      {
        ...validCenter,
        code: 'brs 01',
        name: 'ab',
        email: 'nope',
        phone: 'x',
        latitude: 20,
        occupiedBeds: 11,
        coverage: ['32.01.01'],
      },
      ['coverage'],
    );
    expect(errors).toMatchObject({
      code: validationMessages['validation.center_code'].id,
      name: 'validation.minLength {"count":3}',
      email: 'validation.email',
      phone: validationMessages['validation.phone'].id,
      latitude: 'validation.max {"max":6.5}',
      coverage: validationMessages['validation.coverage_level'].id,
    });
  });

  it('reports occupancy over capacity on occupiedBeds', () => {
    expect(errorsFor(createCenterInput, { ...validCenter, occupiedBeds: 11 })).toEqual({
      occupiedBeds: validationMessages['validation.occupancy'].id,
    });
  });

  it('words the domain rules as the server does, in the asked language', () => {
    const result = createCenterInput.safeParse({ ...validCenter, occupiedBeds: 11 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesToFormErrors(result.error.issues, {}, t, [], 'en')).toEqual({
      occupiedBeds: 'Occupancy cannot exceed the bed capacity.',
    });
  });

  it('handles user roles and the password length', () => {
    const errors = errorsFor(createUserInput, {
      name: 'Siti',
      email: 'siti@example.id',
      username: 'siti',
      password: 'short',
      roles: [{ role: 'social_worker', centerId: null }],
    });
    expect(errors).toEqual({
      password: 'validation.passwordMin {"count":12}',
      'roles.0.centerId': 'validation.centerRequired',
    });
  });
});
