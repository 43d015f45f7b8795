import { outreachInput } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { issuesToFormErrors } from '../../lib/validation';
import { localToday, stayLabel } from './OutreachParts';
import { emptyPerson, type RunValues, runRaw, withoutPeopleErrors } from './outreachForm';

const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key;

const valid = (): RunValues => ({
  centerId: '0190a1b2-0000-7000-8000-000000000001',
  team: 'Budi, Sari',
  date: '2026-05-03',
  place: 'Kolong jembatan Kalimalang',
  regionCode: '32.75.01.1001',
  notes: '  ',
  assignedWorkerId: 'user-1',
  people: [
    {
      ...emptyPerson(0),
      fullName: 'Laki-laki ±40 th, kaos merah',
      sex: 'male',
      birthYearEstimate: 1986,
      clusters: ['odgj'],
      problem: 'Terlantar di jalan',
    },
  ],
});

describe('outreach form', () => {
  it('sends a complete run as the schema wants it', () => {
    const parsed = outreachInput.safeParse(runRaw(valid()));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.notes).toBeNull();
    expect(parsed.data?.people[0]?.urgency).toBe('medium');
  });

  it('reports a missing field on its own row', () => {
    const v = valid();
    v.people.push({
      ...emptyPerson(1),
      fullName: 'Perempuan ±60 th',
      sex: 'female',
      clusters: ['elderly'],
      problem: 'Tidur di emperan toko',
    });
    const raw = runRaw(v);
    const parsed = outreachInput.safeParse(raw);
    expect(parsed.success).toBe(false);
    const errors = issuesToFormErrors(parsed.error?.issues ?? [], raw, t, [], 'id');
    expect(Object.keys(errors)).toEqual(['people.1.birthYearEstimate']);
    expect(withoutPeopleErrors({ ...errors, team: 'x' })).toEqual({ team: 'x' });
  });

  it('names where a person stays', () => {
    expect(stayLabel(null, t)).toBe('outreach.stay.none');
    expect(stayLabel({ kind: 'family', placeName: 'Keluarga' }, t)).toBe('outreach.stay.kind.family');
    expect(stayLabel({ kind: 'shelter', placeName: 'GOR Patriot' }, t)).toContain('GOR Patriot');
  });

  it('gives today on the device calendar', () => {
    expect(localToday(new Date(2026, 0, 2, 23, 30))).toBe('2026-01-02');
  });
});
