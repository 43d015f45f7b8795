import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, genesisHash } from './canonical.ts';
import { diffRecords, maskValue } from './changes.ts';

const row = {
  seq: 1,
  at: new Date('2026-11-22T01:02:03.456Z'),
  actorId: 'u1',
  actorName: 'Admin',
  actorRole: 'admin',
  centerId: null,
  action: 'update',
  entity: 'center',
  entityId: 'c1',
  changes: [{ field: 'name', before: 'A', after: 'B' }],
  requestId: 'r1',
  ip: '127.0.0.1',
};

describe('audit hash', () => {
  it('is the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    const shuffled = { ...row, changes: [{ after: 'B', field: 'name', before: 'A' }] };
    expect(auditHash(genesisHash, shuffled)).toBe(auditHash(genesisHash, row));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = auditHash(genesisHash, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), row)).not.toBe(base);
    expect(auditHash(genesisHash, { ...row, actorId: 'u2' })).not.toBe(base);
    expect(auditHash(genesisHash, { ...row, at: new Date(row.at.getTime() + 1) })).not.toBe(base);
    expect(
      auditHash(genesisHash, { ...row, changes: [{ field: 'name', before: 'A', after: 'C' }] }),
    ).not.toBe(base);
  });
});

describe('diffRecords', () => {
  it('lists changed fields only, without bookkeeping', () => {
    const changes = diffRecords({ name: 'A', code: 'X', version: 1 }, { name: 'B', code: 'X', version: 2 });
    expect(changes).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
  });

  it('masks personal fields', () => {
    const changes = diffRecords(null, { nik: '3201012345670003', phone: '081234567890', name: 'Siti' });
    expect(changes).toEqual([
      { field: 'name', before: null, after: 'Siti' },
      { field: 'nik', before: null, after: '3201********0003' },
      { field: 'phone', before: null, after: '0812****7890' },
    ]);
    expect(maskValue('1234')).toBe('****');
  });
});
