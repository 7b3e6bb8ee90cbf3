// TEMPORARY (independent tester): score one corpus file with the unchanged scorer from ja-corpus.ts.
import { loadCorpus, meetsTargets, mustNotBreaches, runCorpus, score } from './ja-corpus.js';
const file = process.argv[2] ?? 'independent.json';
const entries = loadCorpus().filter((e) => e.file === file);
const results = await runCorpus(entries);
for (const r of results) if (r.error) console.log('ERROR', r.entry.id, r.error);
const scores = score(results);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
console.log(`${entries.length} entries (${entries.filter((e) => e.expect.length).length} with expectations)`);
for (const s of scores) {
  const m = meetsTargets(s);
  const judged = s.tp + s.fp + s.fn > 0;
  console.log(`${pad(s.ruleId, 30)}${pad(s.kind, 10)}${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${!judged ? '-' : m.precision && m.recall ? 'OK' : 'NG'}`);
  if (s.fpIds.length) console.log(`    FP: ${s.fpIds.join(', ')}`);
  if (s.fnIds.length) console.log(`    FN: ${s.fnIds.join(', ')}`);
}
const tot = scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
console.log(`overall: TP ${tot.tp} FP ${tot.fp} FN ${tot.fn} precision ${(tot.tp / (tot.tp + tot.fp || 1)).toFixed(3)}, recall ${(tot.tp / (tot.tp + tot.fn || 1)).toFixed(3)}`);
console.log('mustNot breaches: ' + mustNotBreaches(results).map((b) => `${b.id}→${b.ruleId}`).join(', '));
console.log('\n--- per entry got (mismatches only) ---');
for (const { entry, got } of results) {
  const want = entry.expect.map((x) => `${x.ruleId} ${x.kind}`).sort();
  const g = [...got].sort();
  if (JSON.stringify(want) !== JSON.stringify(g)) console.log(`${entry.id}: want [${want.join('; ')}] got [${g.join('; ')}]${entry.allow ? ' allow ' + entry.allow : ''}`);
}
