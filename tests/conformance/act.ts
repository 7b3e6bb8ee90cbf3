// `npm run conformance:act [ACT_DIR]`: runs the engine over the W3C ACT Rules test cases and prints, for
// rules mapped to WCAG 2.0 A/AA criteria, how many failed cases it flags and how many passed/inapplicable
// cases it wrongly flags. Two views (see ../shared/act/README.md): criterion level (any finding on the
// criterion) and rule level (a finding from the axe/jis rule that implements the same ACT rule).
import http from 'node:http';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import PQueue from 'p-queue';
import axe from 'axe-core';
import { launchBrowser } from '../../crawler/page/browser.js';
import { auditUrl } from '../../crawler/page/audit-page.js';
import { isTargetCriterion } from '../../rules-jis/criteria.js';
import type { Finding } from '../../rules-jis/types.js';
import { DEFAULT_INTERACTION_BUDGET_MS, interactionAfterAudit } from '../../crawler/page/interaction/after-audit.js';

const KEYBOARD_CRITERIA = new Set(['2.1.1', '2.1.2', '2.4.3', '2.4.7', '3.2.1', '3.2.2']);
// the probes of issue 17 run in the same phase: 200% text, motion, the empty form
const PROBE_CRITERIA = new Set(['1.4.4', '2.2.1', '2.2.2', '3.3.1']);
/** `ACT_ONLY=59br37,efbfc7` runs only those ACT rules (a quick look at a few rules; the totals are then partial). */
const ONLY = new Set((process.env.ACT_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));

interface TestCase {
  ruleId: string;
  ruleName: string;
  expected: 'passed' | 'failed' | 'inapplicable';
  relativePath: string;
  ruleAccessibilityRequirements: Record<string, { forConformance?: boolean }> | null;
}

const actDir = path.resolve(process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/act'));
if (!existsSync(path.join(actDir, 'testcases.json'))) {
  console.error(`ACT のテストケースが見つかりません: ${actDir}（testcases.json のあるフォルダーを指定してください）`);
  process.exit(2);
}
const missing = readFileSync(path.join(actDir, 'MISSING_FILES.txt'), 'utf8').split('\n').filter(Boolean).map((l) => path.basename(l));
const all: TestCase[] = JSON.parse(readFileSync(path.join(actDir, 'testcases.json'), 'utf8')).testcases;

const criteriaOf = (t: TestCase) =>
  Object.entries(t.ruleAccessibilityRequirements ?? {})
    .filter(([k, v]) => k.startsWith('wcag20:') && v?.forConformance)
    .map(([k]) => k.slice('wcag20:'.length))
    .filter((id) => isTargetCriterion(id, 'AA'));

const cases = all.filter((t) => criteriaOf(t).length > 0 && (!ONLY.size || ONLY.has(t.ruleId))).filter((t) => !missing.some((m) => readFileSync(path.join(actDir, t.relativePath), 'utf8').includes(m)));

// Which of our rules implement each ACT rule: axe declares its actIds; ours are listed here.
const implementers = new Map<string, Set<string>>();
for (const r of axe.getRules()) for (const id of (r as { actIds?: string[] }).actIds ?? []) {
  if (!implementers.has(id)) implementers.set(id, new Set());
  implementers.get(id)!.add(r.ruleId);
}
for (const [act, rules] of Object.entries({ '3ea0c8': ['source-duplicate-id'], ucwvc8: ['jis-lang-mismatch'], off6ek: ['jis-lang-passage'], '80af7b': ['keyboard-trap'], oj04fd: ['focus-visible'] }))
  for (const r of rules) (implementers.get(act) ?? implementers.set(act, new Set()).get(act)!).add(r);
for (const [act, rules] of Object.entries({ '59br37': ['text-resize'], efbfc7: ['moving-content'], '1ec09b': ['jis-video-alternative'], c3232f: ['jis-video-alternative'], c5a4ea: ['jis-video-alternative'], e7aa44: ['jis-audio-alternative'], '36b590': ['jis-error-message'], '9bd38c': ['jis-sensory-instruction'] }))
  for (const r of rules) (implementers.get(act) ?? implementers.set(act, new Set()).get(act)!).add(r);

const prefix = '/WAI/content-assets/wcag-act-rules';
const assets = sirv(actDir, { dev: true });
const server = http.createServer((req, res) => {
  if (!req.url?.startsWith(prefix)) { res.statusCode = 404; res.end(); return; }
  req.url = req.url.slice(prefix.length) || '/';
  assets(req, res, () => { res.statusCode = 404; res.end(); });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}/`;

interface Row { rule: string; name: string; failed: number; failedFlagged: number; failedFlaggedRule: number; ok: number; okFlagged: number; okFlaggedRule: number; passed: number; passedFlagged: number; errors: number }
const rows = new Map<string, Row>();
const browser = await launchBrowser();
const queue = new PQueue({ concurrency: 3 });
let done = 0;
const errorLines: string[] = [];
let notHtml = 0;
const falseLines: string[] = [];
const started = Date.now();

for (const t of cases) {
  queue.add(async () => {
    const row = rows.get(t.ruleId) ?? { rule: t.ruleId, name: t.ruleName, failed: 0, failedFlagged: 0, failedFlaggedRule: 0, ok: 0, okFlagged: 0, okFlaggedRule: 0, passed: 0, passedFlagged: 0, errors: 0 };
    rows.set(t.ruleId, row);
    const page = await browser.newPage();
    try {
      // The keyboard phase runs where the ACT rule is about operating the page, as it does in crawl and check.
      const keyboard = criteriaOf(t).some((c) => KEYBOARD_CRITERIA.has(c) || PROBE_CRITERIA.has(c));
      const { result: r } = await auditUrl(page, base + t.relativePath, {
        navigationTimeoutMs: 15_000,
        auditTimeoutMs: 30_000,
        afterAudit: keyboard ? interactionAfterAudit({ budgetMs: DEFAULT_INTERACTION_BUDGET_MS }) : undefined,
      });
      // An SVG or XML document is refused as not HTML: for an inapplicable case that is the right answer (no finding).
      if (r.error?.code === 'not-html' && t.expected === 'inapplicable') { row.ok++; notHtml++; return; }
      if (r.error) { row.errors++; errorLines.push(`  ${t.ruleId} ${t.relativePath}: ${r.error.code} ${r.error.message}`); return; }
      const crit = criteriaOf(t);
      const onCrit = (f: Finding) => f.criteria.some((c) => crit.includes(c));
      const byImpl = (f: Finding) => implementers.get(t.ruleId)?.has(f.ruleId) ?? false;
      if (t.expected === 'failed') {
        row.failed++;
        if (r.findings.some((f) => onCrit(f) && f.kind !== 'advisory')) row.failedFlagged++;
        if (r.findings.some((f) => byImpl(f) && f.kind !== 'advisory')) row.failedFlaggedRule++;
      } else {
        row.ok++;
        if (t.expected === 'passed') row.passed++;
        const wrong = r.findings.filter((f) => onCrit(f) && f.kind === 'violation');
        if (wrong.length) {
          row.okFlagged++;
          if (t.expected === 'passed') row.passedFlagged++;
          falseLines.push(`  ${t.ruleId} ${t.expected} ${t.relativePath}: ${[...new Set(wrong.map((f) => `${f.ruleId}(${f.criteria.join(',')})`))].join(' ')}`);
        }
        if (r.findings.some((f) => byImpl(f) && f.kind === 'violation')) row.okFlaggedRule++;
      }
    } catch (err) {
      row.errors++;
      errorLines.push(`  ${t.ruleId} ${t.relativePath}: ${(err as Error).message}`);
    } finally {
      await page.close().catch(() => {});
      if (++done % 100 === 0) console.error(`  ${done} / ${cases.length} 件`);
    }
  });
}
await queue.onIdle();
await browser.close();
server.close();

const list = [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule));
const sum = (k: keyof Row) => list.reduce((s, r) => s + (r[k] as number), 0);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`W3C ACT Rules テストケース（A/AA の達成基準に対応するもの ${cases.length} 件、${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
console.log('ACTルール | 名前 | 不合格例: 検出（達成基準） / 検出（同じルール） / 件数 | 合格・適用外例: 誤検出（達成基準） / 誤検出（同じルール） / 件数 | エラー');
for (const r of list) {
  const impl = implementers.has(r.rule) ? '' : ' (対応ルールなし)';
  console.log(`${r.rule} | ${r.name}${impl} | ${r.failedFlagged} / ${r.failedFlaggedRule} / ${r.failed} | ${r.okFlagged} / ${r.okFlaggedRule} / ${r.ok} | ${r.errors}`);
}
console.log('');
console.log(`合計: 不合格例 ${sum('failed')} 件のうち検出 ${sum('failedFlagged')} 件（${pct(sum('failedFlagged'), sum('failed'))}、違反または要確認、達成基準単位）`);
const implRows = list.filter((r) => implementers.has(r.rule));
const s2 = (k: keyof Row) => implRows.reduce((s, r) => s + (r[k] as number), 0);
console.log(`      対応ルールのある ACT ルールに限ると 不合格例 ${s2('failed')} 件のうち同じルールで検出 ${s2('failedFlaggedRule')} 件（${pct(s2('failedFlaggedRule'), s2('failed'))}）`);
console.log(`      合格・適用外例 ${sum('ok')} 件のうち違反と誤検出 ${sum('okFlagged')} 件（${pct(sum('okFlagged'), sum('ok'))}、達成基準単位: 同じ達成基準の別ルールが正当に検出した場合も含む）`);
console.log(`      合格例（passed）だけでは ${sum('passed')} 件のうち違反と誤検出 ${sum('passedFlagged')} 件（${pct(sum('passedFlagged'), sum('passed'))}）`);
console.log(`      同じルールによる誤検出 ${s2('okFlaggedRule')} 件 / ${s2('ok')} 件（${pct(s2('okFlaggedRule'), s2('ok'))}）`);
console.log(`      実行エラー ${sum('errors')} 件（HTML 以外の文書 ${notHtml} 件は検査対象外と正しく答えたので適用外例の正答に数えています）`);
for (const l of errorLines.sort()) console.log(l);
if (falseLines.length) console.log('誤検出（合格・適用外例に違反）:');
for (const l of falseLines.sort()) console.log(l);
