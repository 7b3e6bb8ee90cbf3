// The catalogue entries of the checks of the served response (data/rules/source.json): the 4.1.1 checks of the HTML, read by
// rules-jis/source/parse-errors.ts, and the Refresh header (rules-jis/source/refresh-header.ts). The variants of source-parse are the parse5 error codes that break 4.1.1
// (complete start and end tags, nesting per spec, no duplicate attributes): a code not listed is not a 4.1.1
// failure and is not reported; a variant of kind review is one a person should look at.
// Browser-safe: the extension runs the source check in the page.
import data from '../data/rules/source.json';
import { loadRuleFile, ruleIndex } from './load.js';
import type { RuleFile } from './types.js';

export const sourceRules = loadRuleFile(data as RuleFile);
export const sourceRule = ruleIndex(sourceRules).get;
