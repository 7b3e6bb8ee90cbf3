// docs/rules.md is generated from the rule catalogue (npm run docs → scripts/docs.ts): rendered again here,
// it must equal the committed file, so a rule changed without regenerating the docs fails the suite.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderRulesDoc, RULES_DOC, syncReadme } from '../../scripts/docs.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';

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
