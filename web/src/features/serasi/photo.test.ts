import { photoMaxBytes } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { base64OfDataUrl, photoProblem } from './photo';

describe('SERASI photo checks', () => {
  it('accepts JPEG, PNG and WebP up to 3 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) {
      expect(photoProblem({ type, size: 1000 })).toBeNull();
      expect(photoProblem({ type, size: photoMaxBytes })).toBeNull();
    }
  });

  it('refuses other types, empty files and files over 3 MB', () => {
    expect(photoProblem({ type: 'image/gif', size: 1000 })).toBe('type');
    expect(photoProblem({ type: 'application/pdf', size: 1000 })).toBe('type');
    expect(photoProblem({ type: '', size: 1000 })).toBe('type');
    expect(photoProblem({ type: 'image/png', size: 0 })).toBe('size');
    expect(photoProblem({ type: 'image/jpeg', size: photoMaxBytes + 1 })).toBe('size');
  });

  it('strips the data: prefix', () => {
    expect(base64OfDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(base64OfDataUrl('abc')).toBe('abc');
  });
});
