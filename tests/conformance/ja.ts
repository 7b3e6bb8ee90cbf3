// npm run conformance:ja — per-rule precision and recall of the Japanese checks over the labelled corpus,
// measured in real headless Chromium on pages served from 127.0.0.1.
import { loadCorpus, meetsTargets, mustNotBreaches, runCorpus, score, TARGET } from './ja-corpus.js';

const onlyRule = process.argv.find((a) => a.startsWith('--rule='))?.slice(7);
// --file=forms.json,tables.json: only those corpus files (a quick run while working on a kind of rule)
const onlyFiles = process.argv.find((a) => a.startsWith('--file='))?.slice(7).split(',');
const entries = loadCorpus()
  .filter((e) => !onlyRule || e.expect.some((x) => x.ruleId === onlyRule) || e.mustNot.includes(onlyRule))
  .filter((e) => !onlyFiles || onlyFiles.includes(e.file ?? ''));
const negatives = entries.filter((e) => e.mustNot.length > 0 && e.expect.length === 0).length;
console.log(`コーパス / corpus: ${entries.length} 件（うち誤検出の罠となる正しい日本語 ${negatives} 件）`);
const t0 = Date.now();
const results = await runCorpus(entries);
console.log(`Chromium で実行: ${((Date.now() - t0) / 1000).toFixed(1)} 秒\n`);

const errors = results.filter((r) => r.error);
for (const r of errors) console.log(`エラー ${r.entry.id}: ${r.error}`);

const scores = score(results);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
console.log(`${pad('rule', 30)}${pad('kind', 10)}  TP  FP  FN  precision  recall  target`);
let ok = errors.length === 0;
for (const s of scores) {
  const m = meetsTargets(s);
  const judged = s.tp + s.fp + s.fn > 0;
  if (!m.precision || !m.recall) ok = false;
  const mark = !judged ? '(データなし)' : m.precision && m.recall ? 'OK' : `NG (P≥${TARGET.precision[s.kind]}, R≥${TARGET.recall})`;
  console.log(
    `${pad(s.ruleId, 30)}${pad(s.kind, 10)}${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}` +
      `  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${mark}`,
  );
  if (s.fpIds.length) console.log(`    誤検出 FP: ${s.fpIds.join(', ')}`);
  if (s.fnIds.length) console.log(`    見逃し FN: ${s.fnIds.join(', ')}`);
}
const tot = scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
console.log(`\n全体 / overall: precision ${(tot.tp / (tot.tp + tot.fp || 1)).toFixed(3)}, recall ${(tot.tp / (tot.tp + tot.fn || 1)).toFixed(3)}`);
const breaches = mustNotBreaches(results);
if (breaches.length) {
  ok = false;
  console.log(`mustNot 違反: ${breaches.map((b) => `${b.id}→${b.ruleId}`).join(', ')}`);
}
console.log(ok ? '\nすべての規則が目標を満たしました。' : '\n目標を満たさない規則があります。');
process.exitCode = ok ? 0 : 1;
