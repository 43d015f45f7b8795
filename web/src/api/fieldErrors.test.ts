import { describe, expect, it } from 'vitest';
import { fieldErrorsToForm } from './fieldErrors';

describe('fieldErrorsToForm', () => {
  it('keeps simple paths', () => {
    expect(fieldErrorsToForm([{ path: 'name', message: 'Wajib' }])).toEqual({ name: 'Wajib' });
  });

  it('collapses list items onto the list field and keeps the first message', () => {
    expect(
      fieldErrorsToForm(
        [
          { path: 'coverage.0', message: 'A' },
          { path: 'coverage.3', message: 'B' },
          { path: 'email', message: 'C' },
        ],
        ['coverage'],
      ),
    ).toEqual({ coverage: 'A', email: 'C' });
  });

  it('keeps nested paths that are not collapsed and normalises brackets', () => {
    expect(fieldErrorsToForm([{ path: 'roles[1].centerId', message: 'X' }])).toEqual({
      'roles.1.centerId': 'X',
    });
  });

  it('accepts nothing', () => {
    expect(fieldErrorsToForm(undefined)).toEqual({});
  });
});
