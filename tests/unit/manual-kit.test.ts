// The manual-test kit (rules-jis/data/manual-kit.json through rules-jis/manual-kit.ts): it follows its schema,
// covers exactly the 38 A/AA criteria, and agrees with the rest of the data — which criteria automation
// decides alone (data/automation.json) and which criteria the rule catalogue has rules for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import automation from '../../rules-jis/data/automation.json';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import { CRITERIA, targetCriteria } from '../../rules-jis/criteria.js';
import { estimateMinutes, KIT_AIDS, KIT_TOOLS, MANUAL_KIT, manualKit, type AidId, type ManualKitItem } from '../../rules-jis/manual-kit.js';
import { schemaValidator } from '../helpers/schema.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const JA = /[ぁ-んァ-ヶ一-龠]/;
const decidable = Object.keys((automation as { decidable: Record<string, unknown> }).decidable);
const rulesFor = (id: string) => ruleCatalogue().all.filter((r) => r.criteria.includes(id));

/** Every text of an entry, with where it sits. */
function texts(k: ManualKitItem): [string, string][] {
  return [
    ['judgedPerReason', k.judgedPerReason],
    ['automationNote', k.automationNote],
    ...k.procedure.steps.map((s, i): [string, string] => [`steps[${i}]`, s]),
    ['pass', k.procedure.pass],
    ['fail', k.procedure.fail],
    ...k.failures.map((s, i): [string, string] => [`failures[${i}]`, s]),
    ['inapplicableWhen', k.inapplicableWhen],
    ['fixNote', k.fixNote],
  ];
}

describe('manual-test kit data', () => {
  it('follows schema/manual-kit.schema.json (draft 2020-12, closed objects)', () => {
    const validate = schemaValidator('schema/manual-kit.schema.json');
    const data = JSON.parse(readFileSync(path.join(ROOT, 'rules-jis/data/manual-kit.json'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // the schema really is closed: an unknown field is refused
    const extra = structuredClone(data);
    extra.criteria['1.1.1'].note = '追加';
    expect(validate(extra)).toBe(false);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/manual-kit.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('covers the 38 A/AA criteria, in order, and no AAA criterion', () => {
    const target = targetCriteria('AA').map((c) => c.wcag);
    expect(target).toHaveLength(38);
    expect(MANUAL_KIT.map((k) => k.id)).toEqual(target);
    for (const c of CRITERIA.filter((c) => c.level === 'AAA')) expect(manualKit(c.wcag), c.wcag).toBeUndefined();
    expect(manualKit('1.1.1')?.judgedPer).toBe('page');
  });

  it('"automatic" is exactly the criteria data/automation.json lets the checks decide alone', () => {
    const automatic = MANUAL_KIT.filter((k) => k.automation === 'automatic').map((k) => k.id);
    expect(automatic.sort()).toEqual([...decidable].sort());
  });

  it('"person" criteria have no rule in the catalogue; "automatic+person" and "automatic" ones have at least one', () => {
    for (const k of MANUAL_KIT) {
      const rules = rulesFor(k.id).map((r) => r.id);
      if (k.automation === 'person') expect(rules, `${k.id} is person but rules judge it`).toEqual([]);
      else expect(rules.length, `${k.id} is ${k.automation} but no rule judges it`).toBeGreaterThan(0);
    }
  });

  it('tools and aids are known ids; every aid an entry lists is named in its steps, and the steps name no other', () => {
    for (const k of MANUAL_KIT) {
      for (const t of k.tools) expect(KIT_TOOLS[t], `${k.id} tool ${t}`).toBeDefined();
      for (const a of k.aids) expect(KIT_AIDS[a], `${k.id} aid ${a}`).toBeDefined();
      const steps = k.procedure.steps.join('\n');
      const named = (Object.keys(KIT_AIDS) as AidId[]).filter((a) => new RegExp(`補助ツールの(「[^」]+」)*「${KIT_AIDS[a].label}」`).test(steps));
      expect(named.sort(), `${k.id}: aids named in the steps`).toEqual([...k.aids].sort());
    }
  });

  it('the steps use the tools an entry lists', () => {
    const mentions: Record<string, RegExp> = { keyboard: /Tab|キーボード/, nvda: /NVDA/, 'zoom-200': /表示倍率を 200%/, 'text-200': /文字だけを 200%/, media: /再生|音/ };
    for (const k of MANUAL_KIT) {
      const steps = k.procedure.steps.join('\n');
      for (const t of k.tools) if (mentions[t]) expect(steps, `${k.id} lists ${t}`).toMatch(mentions[t]);
      if (/NVDA/.test(steps)) expect(k.tools, `${k.id} uses NVDA`).toContain('nvda');
    }
  });

  it('every text field is Japanese, one line, and the counts are within bounds', () => {
    for (const k of MANUAL_KIT) {
      for (const [where, text] of texts(k)) {
        expect(text, `${k.id} ${where}`).toMatch(JA);
        expect(text, `${k.id} ${where}`).not.toMatch(/\n/);
      }
      expect(k.procedure.steps.length, `${k.id} steps`).toBeGreaterThanOrEqual(2);
      expect(k.procedure.steps.length, `${k.id} steps`).toBeLessThanOrEqual(5);
      expect(k.failures.length, `${k.id} failures`).toBeGreaterThanOrEqual(3);
      expect(k.failures.length, `${k.id} failures`).toBeLessThanOrEqual(5);
    }
    for (const l of [...Object.values(KIT_TOOLS), ...Object.values(KIT_AIDS)]) for (const text of [l.label, l.how]) expect(text).toMatch(JA);
  });

  it('written for a tester: no jargon the rule messages avoid', () => {
    for (const k of MANUAL_KIT) for (const [where, text] of texts(k)) expect(text, `${k.id} ${where}`).not.toMatch(/閾値|\bSR\b|スクリーン・リーダー/);
  });

  it('a fix the template or the system owns is not an editor fix; time is spent only where a person judges', () => {
    for (const k of MANUAL_KIT) {
      if (k.fixBy === 'template' || k.fixBy === 'system') expect(k.editorCanFix, k.id).toBe(false);
      if (k.fixBy === 'mixed') expect(k.editorCanFix, k.id).toBe(true);
      expect(k.time > 0, `${k.id} time`).toBe(k.automation !== 'automatic');
      expect(k.tools.length > 0, `${k.id} tools`).toBe(k.automation !== 'automatic');
    }
  });

  it('the criteria named in the brief are judged where a CMS site decides them', () => {
    expect(manualKit('1.1.1')?.judgedPer).toBe('page');
    expect(manualKit('2.4.5')?.judgedPer).toBe('site');
    for (const id of ['2.4.1', '3.2.3', '3.2.4']) expect(['template', 'site'], id).toContain(manualKit(id)?.judgedPer);
  });

  it('estimates the human work: time × units, scaled by where a criterion applies', () => {
    const per = (unit: string) => MANUAL_KIT.filter((k) => k.judgedPer === unit).reduce((s, k) => s + k.time, 0);
    expect(estimateMinutes({ pages: 1, templates: 0, sites: 0 })).toBe(per('page'));
    expect(estimateMinutes({ pages: 50, templates: 5 })).toBe(50 * per('page') + 5 * per('template') + per('site'));
    const video = manualKit('1.2.2')!.time;
    expect(estimateMinutes({ pages: 10, templates: 0, sites: 0 }) - estimateMinutes({ pages: 10, templates: 0, sites: 0 }, { '1.2.2': 0.1 })).toBeCloseTo(video * 10 * 0.9);
  });
});
