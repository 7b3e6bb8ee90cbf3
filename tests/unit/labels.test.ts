// One place for the Japanese labels (rules-jis/labels-ja.ts): the extension, the reports and the CLI import
// the same objects, and no file keeps a copy that could drift (as 「当たらない」 / 「該当しない」 once did).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as labels from '../../rules-jis/labels-ja.js';
import { groupFindings } from '../../extension/lib/view.js';
import { pageResult } from '../../rules-jis/result.js';
import type { ErrorCode, Outcome } from '../../rules-jis/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LABELS_FILE = 'rules-jis/labels-ja.ts';

function sources(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}
const FILES = ['extension', 'reports', 'crawler', 'rules-jis', 'workspace'].flatMap(sources).filter((f) => f !== LABELS_FILE);
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

/** What a copied label map looks like: a key of the contract's words mapped to its Japanese label. */
const COPIES = [
  /\b(fail|violation|pass|review|inapplicable|untested|advisory)\s*:\s*'(不適合|要確認|適合|適用なし|未確認|未検査|参考)'/,
  /\b(site|pattern|page|finding)\s*:\s*'(サイト全体|URL パターン|ページ|指摘箇所)'/,
  /参考（達成基準に/,
  /\?\s*'○'\s*:\s*'[−×]'/,
];

describe('Japanese labels', () => {
  it('no file but labels-ja.ts defines an outcome, kind, judgement or mark label', () => {
    const copies = FILES.flatMap((f) => read(f).split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => COPIES.some((re) => re.test(line)))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(copies).toEqual([]);
  });

  it('the extension and the reports import the one label object', () => {
    const users = ['extension/lib/view.ts', 'extension/components/jis-results.ts', 'extension/components/jis-checklist.ts', 'reports/model/checklist.ts', 'reports/sections/findings.ts', 'reports/test-result/checklist-table.ts', 'reports/csv.ts', 'reports/xlsx.ts', 'crawler/cli/format-text.ts'];
    for (const f of users) expect(read(f), f).toMatch(/from '(\.\.\/)+rules-jis\/labels-ja\.js'/);
    // the advisory heading the side panel shows is the one the reports print
    const page = pageResult({ url: 'https://pref.example.jp/', title: '', lang: 'ja', axeVersion: '', ruleStats: [], facts: { inapplicable: {} }, findings: [{ ruleId: 'jis-compat-char', source: 'jis', kind: 'advisory', criteria: [], impact: 'minor', selector: 'p', html: '', message: 'm', help: 'h', helpUrl: '' }] });
    expect(groupFindings(page).at(-1)!.title).toBe(labels.ADVISORY_GROUP_JA.title);
    expect(labels.ADVISORY_GROUP_JA.title).toBe('参考（達成基準に該当しない日本語の推奨事項）');
    expect(labels.LABELS_JA.outcome).toBe(labels.OUTCOME_LABEL_JA);
  });

  it('has a label for every outcome and error code; marks follow the claim (met = ○)', () => {
    const outcomes: Outcome[] = ['fail', 'review', 'pass', 'inapplicable', 'untested'];
    expect(outcomes.map((o) => labels.RESULT_MARK_JA[o])).toEqual(['×', '要確認', '○', '○', '未確認']);
    expect(outcomes.map((o) => labels.OUTCOME_LABEL_JA[o])).toEqual(['不適合', '要確認', '適合', '適用なし', '未確認']);
    // every error code a producer uses has a label (the union in rules-jis/types.ts is checked by tsc)
    const produced = new Set<string>();
    for (const f of FILES) for (const m of read(f).matchAll(/PageAuditError\(\s*'([a-z-]+)'|code: '([a-z-]+)'|fail\(url, null, '([a-z-]+)'/g)) produced.add(m[1] ?? m[2] ?? m[3]);
    for (const code of produced) expect(labels.ERROR_CODE_LABEL_JA[code as ErrorCode], code).toBeTruthy();
    expect(Object.values(labels.ERROR_CODE_LABEL_JA).every((l) => /[ぁ-んァ-ヶ一-龠]/.test(l))).toBe(true);
  });
});
