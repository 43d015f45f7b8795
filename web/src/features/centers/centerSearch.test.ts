import { describe, expect, it } from 'vitest';
import { parseCenterSearch } from './centerSearch';

describe('parseCenterSearch', () => {
  it('keeps valid filters', () => {
    expect(
      parseCenterSearch({
        q: ' budi ',
        province: '32',
        type: 'loka',
        facility: 'shop',
        sort: 'bedCapacity',
        order: 'desc',
        page: 3,
      }),
    ).toEqual({
      q: 'budi',
      province: '32',
      type: 'loka',
      facility: 'shop',
      sort: 'bedCapacity',
      order: 'desc',
      page: 3,
    });
  });

  it('drops invalid or default values', () => {
    expect(
      parseCenterSearch({ q: '', province: '3', type: 'x', facility: 1, sort: 'id', order: 'up', page: 1 }),
    ).toEqual({});
    expect(parseCenterSearch({ page: 'abc' })).toEqual({});
  });

  it('accepts numbers the router parsed from the URL', () => {
    expect(parseCenterSearch({ province: 32, q: 123 })).toEqual({ province: '32', q: '123' });
  });
});
