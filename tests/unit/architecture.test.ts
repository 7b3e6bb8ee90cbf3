// The map in docs/architecture.md, checked: imports point one way between the top-level folders and
// between the wings of crawler/ (cli → service → crawl | hook → page → store), reports/ reads only the
// store and rules-jis (and the browser helper for its PDF), and only the store runs SQL (crawler/store/).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each part and the parts it may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  'rules-jis': [],
  'crawler/store': ['rules-jis'],
  'crawler/page': ['crawler/store', 'rules-jis'],
  'crawler/crawl': ['crawler/page', 'crawler/store', 'rules-jis'],
  'crawler/hook': ['crawler/page', 'crawler/store', 'rules-jis'],
  reports: ['crawler/store', 'rules-jis', 'crawler/page/browser.ts'],
  'crawler/service': ['crawler/crawl', 'crawler/hook', 'crawler/page', 'crawler/store', 'reports', 'rules-jis'],
  'crawler/cli': ['crawler/service', 'crawler/crawl', 'crawler/hook', 'crawler/page', 'crawler/store', 'reports', 'rules-jis'],
  extension: ['rules-jis'],
  workspace: ['rules-jis'],
};
const PARTS = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);

function partOf(file: string): string | null {
  return PARTS.find((p) => file === p || file.startsWith(p + '/')) ?? null;
}

function sourceFiles(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.ts$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

function importsOf(file: string): string[] {
  const src = readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])).replace(/\.js$/, '.ts'));
  }
  return out;
}

const files = Object.keys(ALLOWED).flatMap((p) => (p.includes('/') && !p.startsWith('crawler') ? [] : sourceFiles(p)));
const unique = [...new Set(files)];

describe('architecture', () => {
  it('imports point one way between folders and wings', () => {
    const bad: string[] = [];
    for (const file of unique) {
      const from = partOf(file);
      if (!from) continue;
      for (const target of importsOf(file)) {
        const to = partOf(target);
        if (!to || to === from) continue;
        const ok = ALLOWED[from].some((a) => target === a || to === a || target.startsWith(a + '/'));
        if (!ok) bad.push(`${file} → ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only crawler/store/ runs SQL or touches the database', () => {
    // the product's code, the benchmarks and the scripts (they read a store through its API: bench/store-read.ts);
    // only tests may open a store file directly, to inspect what the store wrote or to damage it on purpose
    const SQL_ACCESS: [string, RegExp][] = [
      ['CREATE TABLE / INDEX', /\bCREATE\s+(?:TEMP(?:ORARY)?\s+|UNIQUE\s+)?(?:TABLE|INDEX)\b/i],
      ['better-sqlite3', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]better-sqlite3['"]/],
      ['pg (node-postgres)', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]pg['"]/],
      // .prepare(/.exec(/.pragma(/.transaction( on a database handle, or with SQL as its argument (RegExp#exec is fine)
      ['a database call', /\b(?:db|database|sqlite|conn(?:ection)?)\s*\.\s*(?:prepare|exec|pragma|transaction)\s*\(/i],
      ['SQL text', /\.(?:prepare|exec)\s*\(\s*[`'"]\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA|BEGIN|WITH|ALTER|REPLACE)\b/i],
      ["the store's db handle", /\b\w*store\w*\??\.db\b/i],
    ];
    const bad: string[] = [];
    const checked = [...unique, ...sourceFiles('bench').filter((f) => !f.includes('/.work/')), ...sourceFiles('scripts')];
    for (const file of checked.filter((f) => !f.startsWith('crawler/store/') && !f.includes('node_modules'))) {
      const src = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [what, re] of SQL_ACCESS) if (re.test(src)) bad.push(`${file}: ${what}`);
    }
    expect(bad).toEqual([]);
  });

  it('every file of crawler/ sits in a wing', () => {
    const loose = sourceFiles('crawler').filter((f) => !partOf(f));
    expect(loose).toEqual([]);
  });
});
