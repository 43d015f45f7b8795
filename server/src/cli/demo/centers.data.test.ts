import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clusters,
  createCenterInput,
  haversineKm,
  isNationalRole,
  levelOfCode,
  password,
  rankCenters,
  roles,
  username,
} from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { parseCsvLine, regionDataDir } from '../../modules/regions/load-regions.ts';
import { regencySeat } from '../../modules/regions/regions.service.ts';
import { demoCases } from './cases.data.ts';
import { demoCenterCodes, demoCenters } from './centers.data.ts';
import { demoPassword, demoUsers } from './users.data.ts';

/** Codes (first column) and second column of one idn-area-data file. */
const rows = (file: string): string[][] =>
  readFileSync(join(regionDataDir(), file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine);

const provinces = rows('provinces.csv').map((f) => f[0]!);
const regencyProvince = new Map(rows('regencies.csv').map((f) => [f[0]!, f[1]!]));
const villages = new Set(rows('villages.csv').map((f) => f[0]!));

describe('demo centres', () => {
  it('are about forty, each a valid create-centre input', () => {
    expect(demoCenters.length).toBeGreaterThanOrEqual(35);
    for (const c of demoCenters) {
      const parsed = createCenterInput.safeParse(c);
      expect(parsed.success, `${c.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('have unique codes and names', () => {
    expect(new Set(demoCenters.map((c) => c.code)).size).toBe(demoCenters.length);
    expect(new Set(demoCenters.map((c) => c.name)).size).toBe(demoCenters.length);
  });

  it('sit in a real village and cover real provinces and regencies', () => {
    for (const c of demoCenters) {
      expect(levelOfCode(c.regionCode), c.code).toBe('village');
      expect(villages.has(c.regionCode), `${c.code} ${c.regionCode}`).toBe(true);
      for (const code of c.coverage) {
        const known = levelOfCode(code) === 'province' ? provinces.includes(code) : regencyProvince.has(code);
        expect(known, `${c.code} coverage ${code}`).toBe(true);
      }
      expect(new Set(c.coverage).size, `${c.code} repeats a coverage code`).toBe(c.coverage.length);
    }
  });

  it('cover every province of the package between them', () => {
    const covered = new Set<string>();
    for (const c of demoCenters) {
      for (const code of c.coverage)
        covered.add(levelOfCode(code) === 'province' ? code : regencyProvince.get(code)!);
    }
    expect(provinces.filter((p) => !covered.has(p))).toEqual([]);
  });

  it('serve every cluster, keep occupancy within capacity and stay within Indonesia', () => {
    for (const c of demoCenters) {
      expect([...c.serviceClusters].sort()).toEqual([...clusters].sort());
      expect(c.specialtyClusters.length).toBeGreaterThan(0);
      expect(c.occupiedBeds).toBeLessThanOrEqual(c.bedCapacity);
      expect(c.bedCapacity).toBeGreaterThanOrEqual(30);
      expect(c.bedCapacity).toBeLessThanOrEqual(300);
      expect(c.latitude).not.toBeNull();
      expect(c.email).toMatch(/@kemensos\.go\.id$/);
    }
    expect(demoCenters.filter((c) => c.facilities.includes('shop')).length).toBeGreaterThanOrEqual(5);
    expect(demoCenters.filter((c) => c.facilities.includes('workshop')).length).toBeGreaterThanOrEqual(5);
  });

  it('include the two centres the source documents name', () => {
    const bekasi = demoCenters.find((c) => c.code === demoCenterCodes.bekasi);
    expect(bekasi?.name).toBe(
      'Balai Rehabilitasi Sosial Eks Gelandangan dan Pengemis "Pangudi Luhur" di Bekasi',
    );
    expect(bekasi?.regionCode.startsWith('32.75.')).toBe(true);
    const temanggung = demoCenters.find((c) => c.code === demoCenterCodes.temanggung);
    expect(temanggung?.name).toBe(
      'Balai Besar Rehabilitasi Sosial Penyandang Disabilitas "Kartini" di Temanggung',
    );
    expect(temanggung?.regionCode.startsWith('33.23.')).toBe(true);
  });

  it('have a children or elderly balai in NTT whose coverage holds every NTT regency', () => {
    const nttRegencies = [...regencyProvince].filter(([, p]) => p === '53').map(([r]) => r);
    const inNtt = demoCenters.filter(
      (c) =>
        c.regionCode.startsWith('53.') &&
        c.specialtyClusters.some((s) => s === 'child' || s === 'elderly') &&
        c.coverage.some((code) => code.startsWith('53.')),
    );
    expect(inNtt.length).toBeGreaterThan(0);
    const covered = new Set(inNtt.flatMap((c) => c.coverage));
    expect(nttRegencies.filter((r) => !covered.has(r) && !covered.has('53'))).toEqual([]);
  });
});

describe('demo centres on the map', () => {
  it('carry coordinates near the seat of their own regency', () => {
    for (const c of demoCenters) {
      expect(c.latitude, c.code).not.toBeNull();
      expect(c.longitude, c.code).not.toBeNull();
      const seat = regencySeat(c.regionCode)!;
      expect(haversineKm(c.latitude!, c.longitude!, seat.latitude, seat.longitude), c.code).toBeLessThan(60);
    }
  });

  // The seeds' story: a person with a mental disorder in a village of Kabupaten Kupang goes to the
  // nearest covering balai with room — the children's balai at Naibonat — and, were it full, to the
  // nearest other balai with room, in NTT, never to Java.
  const odgj = demoCases.find((d) => d.case.clusters.includes('odgj'))!;
  const seat = regencySeat(odgj.person.regionCode)!;
  const rank = (occupiedAtNaibonat?: number) =>
    rankCenters(
      {
        regionCode: odgj.person.regionCode,
        latitude: seat.latitude,
        longitude: seat.longitude,
        modality: odgj.modality,
      },
      demoCenters.map((c, i) => ({
        ...c,
        id: c.code,
        name: c.name,
        latitude: c.latitude ?? null,
        longitude: c.longitude ?? null,
        occupiedBeds:
          c.code === demoCenterCodes.kupang ? (occupiedAtNaibonat ?? c.occupiedBeds) : c.occupiedBeds,
        socialWorkers: 5 + (i % 3),
        activeCases: 20,
        archived: false,
      })),
    );

  it('route the Kupang ODGJ case to Naibonat, a few kilometres from the seat of Kabupaten Kupang', () => {
    expect(odgj.modality).toBe('residential');
    expect(odgj.person.regionCode.startsWith('53.01.')).toBe(true);
    const [first] = rank();
    expect(first).toMatchObject({ centerId: demoCenterCodes.kupang });
    expect(first!.distanceKm).toBeLessThan(10);
  });

  it('route it to the nearest NTT balai with room when Naibonat is full', () => {
    const naibonat = demoCenters.find((c) => c.code === demoCenterCodes.kupang)!;
    const ranked = rank(naibonat.bedCapacity);
    expect(ranked[0]!.centerId).toBe('LRSLU-FLOBAMORA');
    expect(ranked.at(-1)!.centerId).toBe(demoCenterCodes.kupang);
  });
});

describe('demo users', () => {
  const centerRoles = roles.filter((r) => !isNationalRole(r));

  it('are valid accounts with unique usernames and emails', () => {
    expect(password.safeParse(demoPassword).success).toBe(true);
    expect(new Set(demoUsers.map((u) => u.username)).size).toBe(demoUsers.length);
    for (const u of demoUsers) {
      expect(username.parse(u.username)).toBe(u.username);
      expect(u.email).toBe(`${u.username}@atensi.test`);
      for (const r of u.roles) {
        expect(
          isNationalRole(r.role) ? r.centerCode === null : demoCenters.some((c) => c.code === r.centerCode),
        ).toBe(true);
      }
    }
    expect(demoUsers.find((u) => u.username === 'admin')?.roles).toEqual([
      { role: 'admin', centerCode: null },
    ]);
    expect(demoUsers.some((u) => u.roles.some((r) => r.role === 'central'))).toBe(true);
  });

  it('hold every centre role in both demo centres', () => {
    for (const centerCode of [demoCenterCodes.bekasi, demoCenterCodes.temanggung]) {
      const held = new Set(
        demoUsers.flatMap((u) => u.roles.filter((r) => r.centerCode === centerCode).map((r) => r.role)),
      );
      expect([...held].sort()).toEqual([...centerRoles].sort());
    }
  });
});
