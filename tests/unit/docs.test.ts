// docs/rules.md is generated from the rule catalogue and docs/manual-kit.md from the manual-test kit
// (npm run docs → scripts/docs.ts): rendered again here, each must equal the committed file, so a rule or a kit
// entry changed without regenerating the docs fails the suite.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANUAL_KIT_DOC, README, renderManualKitDoc, renderRulesDoc, RULES_DOC, syncReadme } from '../../scripts/docs.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import { MANUAL_KIT } from '../../rules-jis/manual-kit.js';

describe('docs/rules.md', () => {
  const doc = renderRulesDoc();

  it('is what npm run docs writes from the catalogue (run it after changing a rule)', () => {
    // line by line, so a failure shows the first stale lines
    expect(readFileSync(RULES_DOC, 'utf8').split('\n'), 'docs/rules.md is stale: npm run docs').toEqual(doc.split('\n'));
  });

  it('README.md shows the same rule tables (npm run docs copies them)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(syncReadme(readme, doc).split('\n'), 'README.md rule tables are stale: npm run docs').toEqual(readme.split('\n'));
  });

  it('lists every rule, and the two tables README.md shows', () => {
    for (const r of ruleCatalogue().all) expect(doc).toContain(`\`${r.id}\``);
    for (const block of ['site-table', 'keyboard-table']) {
      expect(doc).toContain(`<!-- rules:${block} (npm run docs) -->`);
      expect(doc).toContain(`<!-- /rules:${block} -->`);
    }
  });
});

describe('docs/manual-kit.md', () => {
  const doc = renderManualKitDoc();

  it('is what npm run docs writes from the kit (run it after changing rules-jis/data/manual-kit.json)', () => {
    expect(readFileSync(MANUAL_KIT_DOC, 'utf8').split('\n'), 'docs/manual-kit.md is stale: npm run docs').toEqual(doc.split('\n'));
  });

  it('has a section per criterion with its unit, automation, steps, failures and when it is inapplicable', () => {
    for (const k of MANUAL_KIT) {
      const start = doc.indexOf(`### ${k.id} `);
      expect(start, k.id).toBeGreaterThan(0);
      const next = doc.indexOf('\n### ', start + 1);
      const section = doc.slice(start, next < 0 ? undefined : next);
      for (const label of ['判断の単位', '自動/人', '手順', 'よくある失敗', '−（適用なし）']) expect(section, `${k.id} ${label}`).toContain(label);
      for (const step of k.procedure.steps) expect(section, k.id).toContain(step);
      for (const f of k.failures) expect(section, k.id).toContain(f);
      expect(section, k.id).toContain(k.inapplicableWhen);
    }
  });
});
