// The catalogue entries of the document checks (data/rules/document.json): PDF and Office files linked from
// the site, read in Node (crawler/page/documents/) and judged by the pure checks of rules-jis/documents/.
// Not in the in-page bundle.
import data from '../data/rules/document.json';
import { loadRuleFile, ruleIndex } from './load.js';
import type { RuleFile } from './types.js';

export const documentRules = loadRuleFile(data as RuleFile);
export const documentRule = ruleIndex(documentRules).get;
