// The catalogue entries of our Japanese checks (data/rules/jis.json). The runner registers them into axe
// with their code (rules-jis/rules/) and reads them back when it turns axe results into findings.
import data from '../data/rules/jis.json';
import { loadRuleFile, ruleIndex } from './load.js';
import type { RuleFile } from './types.js';

export const jisRules = loadRuleFile(data as RuleFile);
export const jisRule = ruleIndex(jisRules).get;
