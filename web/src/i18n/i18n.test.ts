import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
};

const idKeys = flatten(id as Tree);
const enKeys = flatten(en as Tree);

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

describe('i18n resources', () => {
  it('id and en have exactly the same keys', () => {
    const missingInEn = [...idKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInId = [...enKeys.keys()].filter((k) => !idKeys.has(k));
    expect({ missingInEn, missingInId }).toEqual({ missingInEn: [], missingInId: [] });
  });

  it('has no empty strings', () => {
    const empty = [...idKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = [...idKeys.keys()].filter(
      (k) => JSON.stringify(vars(idKeys.get(k) ?? '')) !== JSON.stringify(vars(enKeys.get(k) ?? '')),
    );
    expect(differing).toEqual([]);
  });

  it('every t("literal") key used in the source exists in both languages', () => {
    const files = sourceFiles(srcDir);
    expect(files.length).toBeGreaterThan(5);
    const used = new Map<string, string>();
    const pattern = /\bt\(\s*(['"`])([A-Za-z0-9_.]+)\1/g;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(pattern)) used.set(m[2] as string, file.slice(srcDir.length));
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used]
      .filter(([key]) => !idKeys.has(key) || !enKeys.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
