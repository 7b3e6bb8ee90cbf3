// The catalogue entries of the checks across the pages of a crawl (data/rules/site.json), read by the pure
// site rules in rules-jis/site/. Each can be wrong (two pages may rightly share a title), so every site
// finding is a review. Not in the in-page bundle: only a crawl compares pages.
import data from '../data/rules/site.json';
import { loadRuleFile, ruleIndex } from './load.js';
import type { RuleFile } from './types.js';

export const siteRules = loadRuleFile(data as RuleFile);
export const siteRule = ruleIndex(siteRules).get;
