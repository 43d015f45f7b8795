import { describe, expect, it } from 'vitest';
import { parsePartnerSearch, partnerListInputOf } from './partnerSearch';

describe('parsePartnerSearch', () => {
  it('keeps valid filters and drops the rest', () => {
    expect(
      parsePartnerSearch({
        q: '  Harapan ',
        kind: 'child',
        center: '0190A2B3-1C2D-7E8F-9A0B-1C2D3E4F5A6B',
        service: 'elderly',
        inactive: 'true',
        page: '3',
      }),
    ).toEqual({
      q: 'Harapan',
      kind: 'child',
      center: '0190a2b3-1c2d-7e8f-9a0b-1c2d3e4f5a6b',
      service: 'elderly',
      inactive: true,
      page: 3,
    });
    expect(
      parsePartnerSearch({ kind: 'school', center: 'bekasi', service: 'x', inactive: 'no', page: '1' }),
    ).toEqual({});
  });

  it('builds the list body', () => {
    expect(partnerListInputOf({ kind: 'shelter' }, 20)).toEqual({
      q: undefined,
      kind: 'shelter',
      centerId: undefined,
      service: undefined,
      includeInactive: false,
      page: 1,
      pageSize: 20,
    });
  });
});
