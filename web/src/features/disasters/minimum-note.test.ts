import { describe, expect, it } from 'vitest';
import { minimumNote } from './minimum-note';

describe('a proposal line’s word on the minimum level', () => {
  const bekasi = { available: 10, minimum: 20, quantity: 0, belowMinimum: 0 };
  it('says a nearer warehouse was held at its minimum, until the person takes from it anyway', () => {
    expect(minimumNote(bekasi, 0)).toEqual({ kind: 'held', available: 10, minimum: 20 });
    expect(minimumNote(bekasi, 4)).toEqual({ kind: 'dips', below: 4, left: 6, minimum: 20 });
  });

  it('gives the reason when the proposal itself goes below the minimum, and the person’s own when they add more', () => {
    const short = { available: 50, minimum: 40, quantity: 50, belowMinimum: 40 };
    expect(minimumNote(short, 50)).toEqual({ kind: 'short', below: 40, minimum: 40 });
    expect(minimumNote(short, 30)).toEqual({ kind: 'short', below: 20, minimum: 40 });
    expect(minimumNote(short, 10)).toEqual({ kind: 'keeps', minimum: 40 });
    const spare = { available: 100, minimum: 20, quantity: 60, belowMinimum: 0 };
    expect(minimumNote(spare, 60)).toEqual({ kind: 'keeps', minimum: 20 });
    expect(minimumNote(spare, 90)).toEqual({ kind: 'dips', below: 10, left: 10, minimum: 20 });
  });

  it('says nothing without a minimum, or for a line left empty that the proposal filled', () => {
    expect(minimumNote({ available: 100, minimum: 0, quantity: 30, belowMinimum: 0 }, 30)).toBeNull();
    expect(minimumNote({ available: 100, minimum: 20, quantity: 30, belowMinimum: 0 }, 0)).toBeNull();
  });
});
