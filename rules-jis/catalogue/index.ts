// The whole rule catalogue: every rule the tool can report, whatever runs it. Read by the docs generator
// (scripts/docs.ts → docs/rules.md) and the tests; producers of findings read their own part
// (jis.ts, source.ts, interaction.ts, site.ts, axe.ts) so the in-page bundle carries only what runs there.
import axe from 'axe-core';
import ja from 'axe-core/locales/ja.json';
import type { FindingSource } from '../types.js';
import { axeRuleDetails, axeRules } from './axe.js';
import { documentRules } from './document.js';
import { interactionRules } from './interaction.js';
import { jisRules } from './jis.js';
import { ruleIndex } from './load.js';
import { siteRules } from './site.js';
import { sourceRules } from './source.js';
import type { RuleIndex } from './types.js';

export type { Impact, RuleData, RuleFile, RuleIndex, RuleMeta, RuleVariant } from './types.js';

/** The sources in the order the docs list them (types.ts FindingSource: axe, jis, source, interaction, site, document). */
export const RULE_SOURCES: readonly FindingSource[] = ['axe', 'jis', 'source', 'interaction', 'site', 'document'];

let cached: RuleIndex | undefined;

/** Every rule, axe's derived from the axe-core this process loads (the version the bundle is built with). */
export function ruleCatalogue(): RuleIndex {
  // getRules() before any locale is applied: the English names, the Japanese ones come from ja.json
  cached ??= ruleIndex([
    ...axeRules(axe.getRules(), ja, axeRuleDetails(axe)),
    ...jisRules,
    ...sourceRules,
    ...interactionRules,
    ...siteRules,
    ...documentRules,
  ]);
  return cached;
}
