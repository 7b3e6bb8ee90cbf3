// The rule catalogue (rules-jis/catalogue/) is the one list of rules: every rule id a producer of findings can
// emit is in it, and each entry is complete (Japanese title, message and fix, valid A/AA criteria).
// The bundle is run on every page of the sample site; the keyboard and site rules are listed from their code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import jaLocale from 'axe-core/locales/ja.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, BUNDLE_PATH } from '../../rules-jis/bundle/build.js';
import { ruleCatalogue, type RuleMeta } from '../../rules-jis/catalogue/index.js';
import { axeRuleDetails } from '../../rules-jis/catalogue/axe.js';
import { jisRules } from '../../rules-jis/catalogue/jis.js';
import { isTargetCriterion } from '../../rules-jis/criteria.js';
import { NO_INTERACTION_HELP } from '../../crawler/cli/crawl-flags.js';
import { axeRuleChanges, selectAxeRules } from '../../rules-jis/mapping.js';
import { pairJisRules } from '../../rules-jis/runner/register.js';
import { duplicateTitleFindings } from '../../rules-jis/site/duplicate-title.js';
import { judgeNameVariants } from '../../rules-jis/site/link-names.js';
import { navOrderFindings } from '../../rules-jis/site/nav-order.js';
import { checkSource } from '../../rules-jis/source/parse-errors.js';
import type { Finding, InPageOutput } from '../../rules-jis/types.js';
import * as focusOrder from '../../crawler/page/interaction/checks/focus-order.js';
import * as focusVisible from '../../crawler/page/interaction/checks/focus-visible.js';
import * as keyboardOperable from '../../crawler/page/interaction/checks/keyboard-operable.js';
import * as keyboardTrap from '../../crawler/page/interaction/checks/keyboard-trap.js';
import * as onFocus from '../../crawler/page/interaction/checks/on-focus.js';
import * as onInput from '../../crawler/page/interaction/checks/on-input.js';
import * as hoverContent from '../../crawler/page/interaction/checks/hover-content.js';
import * as dialogs from '../../crawler/page/interaction/checks/dialogs.js';
import * as formErrors from '../../crawler/page/interaction/checks/form-errors.js';
import * as motion from '../../crawler/page/interaction/checks/motion.js';
import * as zoomJudge from '../../crawler/page/zoom/judge.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { schemaValidator } from '../helpers/schema.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const catalogue = ruleCatalogue();
const JA = /[ぁ-んァ-ヶ一-龠]/;

/** A finding agrees with its rule: same source and criteria, and a kind the rule (or one of its wordings) gives. */
function agrees(f: Finding, rule: RuleMeta): boolean {
  const kinds = new Set([rule.kind, ...(rule.review ? ['review'] : []), ...Object.values(rule.variants ?? {}).map((v) => v.kind ?? rule.kind)]);
  return f.source === rule.source && JSON.stringify(f.criteria) === JSON.stringify(rule.criteria) && kinds.has(f.kind) && f.helpUrl === rule.helpUrl;
}

describe('rule catalogue entries', () => {
  it('ids are unique across every source', () => {
    const ids = catalogue.all.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('each entry has a Japanese title, message, description and fix, an English title and A/AA criteria', () => {
    for (const r of catalogue.all) {
      const where = `${r.source}:${r.id}`;
      for (const text of [r.title.ja, r.message, r.description, r.help]) expect(text, where).toMatch(JA);
      expect(r.title.en, where).toMatch(/[A-Za-z]/);
      for (const c of r.criteria) expect(isTargetCriterion(c, 'AA'), `${where} ${c}`).toBe(true);
      // an advisory (参考) has no criterion behind it; every other rule judges at least one
      expect(r.criteria.length === 0, where).toBe(r.kind === 'advisory');
      if (r.kind === 'review') expect(r.review, where).toBe(true);
      for (const v of Object.values(r.variants ?? {})) expect(v.message, where).toMatch(JA);
      expect(r.helpUrl, where).toMatch(/^https:\/\//);
    }
  });

  it('the data files follow their schemas', () => {
    const rulesSchema = schemaValidator('schema/rule-catalogue.schema.json');
    for (const name of ['jis', 'source', 'interaction', 'site', 'document']) {
      const data = JSON.parse(readFileSync(path.join(ROOT, `rules-jis/data/rules/${name}.json`), 'utf8'));
      expect(rulesSchema(data), `${name}.json ${JSON.stringify(rulesSchema.errors)}`).toBe(true);
      expect(data.source).toBe(name);
    }
    const axeSchema = schemaValidator('schema/axe-rules.schema.json');
    const axeData = JSON.parse(readFileSync(path.join(ROOT, 'rules-jis/data/rules/axe.json'), 'utf8'));
    expect(axeSchema(axeData), JSON.stringify(axeSchema.errors)).toBe(true);
  });

  it('the axe entries are the axe rules we run, each with its impact from axe', () => {
    const run = selectAxeRules(axe.getRules());
    expect(catalogue.all.filter((r) => r.source === 'axe').map((r) => r.id)).toEqual(run);
    const details = axeRuleDetails(axe);
    for (const id of run) expect(details[id]?.impact, id).toMatch(/^(minor|moderate|serious|critical)$/);
    // the reviewed table names real axe rules only
    const known = new Set(axe.getRules().map((r) => r.ruleId));
    expect(Object.keys(axeRuleChanges).filter((id) => !known.has(id))).toEqual([]);
    // our translations fill gaps of axe's ja locale only: drop one when axe translates the rule
    const translated = Object.keys(axeRuleChanges).filter((id) => axeRuleChanges[id].ja);
    expect(translated.filter((id) => (jaLocale as { rules: Record<string, unknown> }).rules[id])).toEqual([]);
  });

  it('every jis entry has its code in rules-jis/rules/ and a reason why it matters', () => {
    expect(pairJisRules().map((p) => p.check.id)).toEqual(jisRules.map((r) => r.id));
    for (const r of jisRules) expect(r.why, r.id).toMatch(JA);
  });

  it('axe rules whose criterion a reviewer chose keep it (issue 17: colour-only links, refresh, positive tabindex)', () => {
    const c = ruleCatalogue();
    const pick = (id: string) => ({ criteria: c.get(id).criteria, kind: c.get(id).kind });
    expect(pick('link-in-text-block')).toEqual({ criteria: ['1.4.1'], kind: 'violation' });
    expect(pick('meta-refresh')).toEqual({ criteria: ['2.2.1'], kind: 'violation' });
    expect(pick('tabindex')).toEqual({ criteria: ['2.4.3'], kind: 'violation' });
    // positive tabindex is reported once, by axe; the keyboard phase's focus order leaves it to axe
    expect(c.get('focus-order').kind).toBe('review');
  });

  it('--no-interaction names every criterion the keyboard phase judges', () => {
    const phase = [...new Set(ruleCatalogue().all.filter((r) => r.source === 'interaction').flatMap((r) => r.criteria))];
    expect(phase.length).toBeGreaterThanOrEqual(10);
    for (const id of phase) expect(NO_INTERACTION_HELP).toContain(id);
  });
});

describe('every rule a producer can emit is in the catalogue', () => {
  it('the keyboard checks', () => {
    const metas = [...[keyboardTrap, focusVisible, focusOrder, onFocus, keyboardOperable, onInput, hoverContent, formErrors, zoomJudge].map((m) => m.meta),
      dialogs.focusMeta, dialogs.closeMeta, motion.movingMeta, motion.vanishMeta];
    expect(metas.map((m) => m.id).sort()).toEqual(catalogue.all.filter((r) => r.source === 'interaction').map((r) => r.id).sort());
    for (const m of metas) expect(catalogue.get(m.id)).toBe(m);
  });

  it('the site rules', () => {
    const page = (id: number, title: string, nav: string[]) => ({ id, url: `https://x.example/${id}`, title, contentHash: String(id), nav: [{ key: 'nav#g', hrefs: nav }] });
    const pages = [page(1, '同じ', ['/a', '/b']), page(2, '同じ', ['/a', '/b']), page(3, '別', ['/b', '/a'])];
    const findings = [
      ...[...duplicateTitleFindings(pages).values()].flat(),
      ...[...navOrderFindings(pages).values()].flat(),
      ...judgeNameVariants('/a', [{ names: ['申請'], pages: 2 }, { names: ['申し込み'], pages: 1 }]).map((v) => v.finding),
    ];
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(catalogue.all.filter((r) => r.source === 'site').map((r) => r.id)));
    for (const f of findings) expect(agrees(f, catalogue.get(f.ruleId)), f.ruleId).toBe(true);
  });

  it('the rules in the golden outputs', () => {
    const dir = path.join(ROOT, 'tests/fixtures/golden');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { pages: { findings: Finding[] }[] };
      for (const f of result.pages.flatMap((p) => p.findings)) expect(catalogue.has(f.ruleId), `${file}: ${f.ruleId}`).toBe(true);
    }
  });
});

describe('the in-page bundle on the sample site', () => {
  let auditor: Auditor;
  const outputs: InPageOutput[] = [];
  const siteDir = path.join(ROOT, 'tests/fixtures/site');
  const htmlFiles = [
    ...(readdirSync(siteDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => path.join(siteDir, f)),
    ...readdirSync(path.join(ROOT, 'tests/fixtures/pages')).filter((f) => f.endsWith('.html')).map((f) => path.join(ROOT, 'tests/fixtures/pages', f)),
  ].sort();

  beforeAll(async () => {
    if (!existsSync(BUNDLE_PATH)) await buildBundle();
    auditor = await createAuditor();
    // a few tabs at a time: 50 pages one by one take minutes on two shared cores
    for (let i = 0; i < htmlFiles.length; i += 4) {
      outputs.push(...(await Promise.all(htmlFiles.slice(i, i + 4).map((f) => auditor.raw(readFileSync(f, 'utf8'))))));
    }
  }, 300_000);
  afterAll(async () => {
    await auditor?.close();
  });

  it('runs exactly the axe, jis and source rules of the catalogue', () => {
    const ran = new Set(outputs.flatMap((o) => o.ruleStats.map((s) => s.ruleId)));
    // http-refresh reads the navigation response's headers, which only the Node side has (crawler/page/audit-page.ts)
    const listed = catalogue.all.filter((r) => (r.source === 'axe' || r.source === 'jis' || r.source === 'source') && r.id !== 'http-refresh').map((r) => r.id);
    expect([...ran].sort()).toEqual([...listed].sort());
  });

  it('every finding names a catalogue rule and agrees with its entry', () => {
    const findings = outputs.flatMap((o) => o.findings);
    expect(findings.length).toBeGreaterThan(20);
    for (const f of findings) {
      expect(catalogue.has(f.ruleId), f.ruleId).toBe(true);
      expect(agrees(f, catalogue.get(f.ruleId)), `${f.ruleId} ${f.kind}`).toBe(true);
    }
    // the 4.1.1 check as the Node side runs it gives the same rules
    for (const file of htmlFiles) for (const f of checkSource(readFileSync(file, 'utf8')).findings) expect(catalogue.has(f.ruleId)).toBe(true);
  });
});
