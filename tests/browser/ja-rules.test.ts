// The Japanese checks in real headless Chromium (pages served from 127.0.0.1, the real bundle).
// The whole corpus takes minutes on this machine (npm run conformance:ja); this test runs a
// representative subset: one positive entry per rule and kind, and one trap per rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildBundle, BUNDLE_PATH } from '../../rules-jis/bundle/build.js';
import { loadCorpus, meetsTargets, mustNotBreaches, runCorpus, score, type CorpusEntry, type EntryResult } from '../conformance/ja-corpus.js';
import { jisRules } from '../../rules-jis/catalogue/jis.js';
import { createAuditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

function subset(all: CorpusEntry[]): CorpusEntry[] {
  const picked = new Map<string, CorpusEntry>();
  const seenPos = new Set<string>();
  const trapCount = new Map<string, number>();
  for (const e of all) {
    for (const x of e.expect) {
      const k = `${x.ruleId} ${x.kind}`;
      if (!seenPos.has(k)) {
        seenPos.add(k);
        picked.set(e.id, e);
      }
    }
    if (e.expect.length === 0) {
      for (const r of e.mustNot) {
        const n = trapCount.get(r) ?? 0;
        if (n < 1) {
          trapCount.set(r, n + 1);
          picked.set(e.id, e);
        }
      }
    }
  }
  return [...picked.values()];
}

describe('Japanese checks on the labelled corpus (Chromium)', () => {
  let results: EntryResult[];
  beforeAll(async () => {
    // `npm test` builds the bundle first; rebuilding here would race the other test files reading it.
    if (!existsSync(BUNDLE_PATH)) await buildBundle();
    results = await runCorpus(subset(loadCorpus()));
  }, 240_000);

  it('runs every entry without error', () => {
    expect(results.filter((r) => r.error).map((r) => `${r.entry.id}: ${r.error}`)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(35);
  });

  it('meets the precision and recall targets per rule and kind', () => {
    const bad = score(results)
      .filter((s) => {
        const m = meetsTargets(s);
        return !m.precision || !m.recall;
      })
      .map((s) => `${s.ruleId} ${s.kind}: P=${s.precision.toFixed(2)} R=${s.recall.toFixed(2)} FP=${s.fpIds} FN=${s.fnIds}`);
    expect(bad).toEqual([]);
  });

  it('never fires on the correct-Japanese traps (mustNot)', () => {
    expect(mustNotBreaches(results)).toEqual([]);
  });
});

describe('Japanese findings carry the texts an editor needs', () => {
  it('what is wrong, why, how to fix in the CMS, and the WAIC link', async () => {
    const auditor = await createAuditor();
    try {
      const out = await auditor.raw(jaPage('<h2>お　知　ら　せ</h2><p><a href="/a.html">こちら</a></p><p><img src="/a.png" alt="画像"></p>'));
      const jis = out.findings.filter((f) => f.source === 'jis');
      expect(jis.map((f) => f.ruleId).sort()).toEqual(['jis-alt-meaningless', 'jis-link-text', 'jis-spaced-word']);
      for (const f of jis) {
        const rule = jisRules.find((r) => r.id === f.ruleId)!;
        expect(f.message).toMatch(/[ぁ-ん]/);
        expect(f.message).not.toContain('${');
        expect(f.help).toContain(rule.why);
        expect(f.help).toContain('CMS');
        expect(f.helpUrl).toMatch(/^https:\/\/waic\.jp\/translations\/WCAG20\/Understanding\//);
      }
      expect(jis.find((f) => f.ruleId === 'jis-spaced-word')!.message).toContain('「お知らせ」');
    } finally {
      await auditor.close();
    }
  }, 120_000);
});

describe('rule metadata', () => {
  it('every rule has Japanese messages, a jis- id, and criteria as docs/ja-rules.md says', () => {
    for (const r of jisRules) {
      expect(r.id).toMatch(/^jis-[a-z-]+$/);
      for (const k of ['description', 'why', 'help', 'message'] as const) expect(r[k]).toMatch(/[ぁ-んァ-ン一-龥]/);
      if (r.kind === 'advisory') expect(r.criteria).toEqual([]);
      else expect(r.criteria.length).toBeGreaterThan(0);
    }
  });
});
