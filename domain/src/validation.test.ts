import { describe, expect, it } from 'vitest';
import { createCenterInput } from './centers/center.schema.ts';
import { localisedFieldErrors } from './validation.ts';

const valid = {
  code: 'BRS-UJI',
  name: 'Balai Uji',
  type: 'balai',
  regionCode: '32.75.01.1001',
  bedCapacity: 10,
  occupiedBeds: 2,
  coverage: ['32', '32.75'],
};

describe('localisedFieldErrors', () => {
  it('is null for valid input', () => {
    expect(localisedFieldErrors(createCenterInput, valid, 'id')).toBeNull();
  });

  it('names each bad field once, in the asked language', () => {
    const bad = { ...valid, code: 'bad code', coverage: ['32.75.01'] };
    const id = localisedFieldErrors(createCenterInput, bad, 'id');
    const en = localisedFieldErrors(createCenterInput, bad, 'en');
    expect(id?.map((f) => f.path)).toEqual(['code', 'coverage.0']);
    expect(id?.[0]?.message).toMatch(/huruf besar/);
    expect(en?.[0]?.message).toMatch(/capital letters/);
    expect(en?.[1]?.message).toMatch(/province or a regency/);
  });

  it('uses Zod’s own locale for built-in rules', () => {
    const fields = localisedFieldErrors(createCenterInput, { ...valid, name: undefined }, 'id');
    expect(fields).toEqual([{ path: 'name', message: expect.stringMatching(/tidak valid|diharapkan/) }]);
  });

  it('checks occupancy against capacity on the field', () => {
    const fields = localisedFieldErrors(createCenterInput, { ...valid, occupiedBeds: 11 }, 'en');
    expect(fields).toEqual([{ path: 'occupiedBeds', message: 'Occupancy cannot exceed the bed capacity.' }]);
  });
});
