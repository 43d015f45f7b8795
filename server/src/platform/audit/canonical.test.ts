import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, genesisHash, sealRow } from './canonical.ts';
import { diffRecords, maskValue } from './changes.ts';
import { auditKeyId, auditKeyring, legacyKeyId } from './keys.ts';

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

describe('audit seal (decision 0020)', () => {
  const keyA = auditKeyring('a'.repeat(40)).current;
  const keyB = auditKeyring('b'.repeat(40)).current;

  it('cannot be recomputed without the key, and names its key', () => {
    const seal = sealRow(keyA, genesisHash, row);
    expect(seal).toMatch(/^[0-9a-f]{64}$/);
    expect(seal).not.toBe(auditHash(genesisHash, row));
    expect(sealRow(keyB, genesisHash, row)).not.toBe(seal);
    expect(sealRow(keyA, '1'.repeat(64), row)).not.toBe(seal);
    expect(sealRow(keyA, genesisHash, { ...row, ip: '10.0.0.1' })).not.toBe(seal);
    expect(sealRow({ ...keyA, id: keyB.id }, genesisHash, row)).not.toBe(seal);
    expect(keyA.id).toBe(auditKeyId('a'.repeat(40)));
    expect(keyA.id).toMatch(/^[0-9a-f]{16}$/);
    expect(keyA.id).not.toContain('aaaa');
  });

  it('orders keys in time: legacy, retired oldest first, current last', () => {
    const ring = auditKeyring('c'.repeat(40), ['a'.repeat(40), 'b'.repeat(40)]);
    expect(ring.current.secret).toBe('c'.repeat(40));
    expect([legacyKeyId, keyA.id, keyB.id, ring.current.id].map(ring.rank)).toEqual([0, 1, 2, 3]);
    expect(ring.rank('unknown')).toBeUndefined();
    expect(ring.byId.get(keyB.id)?.secret).toBe('b'.repeat(40));
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
