// The one shape of rule metadata, whatever runs the rule: axe-core (`axe`), our in-page checks (`jis`), the
// 4.1.1 check of the served HTML (`source`), the keyboard phase (`interaction`) and the checks across pages
// (`site`). As in axe-core (lib/rules/*.json apart from lib/checks/**), metadata is data and the code that
// judges lives elsewhere: rules-jis/data/rules/*.json (validated by schema/rule-catalogue.schema.json), except
// axe's own rules, derived from axe's metadata in catalogue/axe.ts. No runtime code: safe in the bundle.
import type { Finding, FindingKind, FindingSource } from '../types.js';

export type Impact = NonNullable<Finding['impact']>;

/**
 * A named wording of a rule whose message depends on what the check found (axe-core's `messageKey`):
 * the 4.1.1 parse-error codes, the two kinds of navigation-order difference.
 */
export interface RuleVariant {
  /** The kind of finding this variant gives; the rule's `kind` when absent. */
  kind?: FindingKind;
  /** Message template (`${data.x}` placeholders), Japanese. */
  message: string;
  /** How to fix when it differs from the rule's `help` (may use `${data.x}`). */
  help?: string;
}

/** One rule as its data file (rules-jis/data/rules/<source>.json) writes it. */
export interface RuleData {
  id: string;
  /** The A/AA success criteria it judges, e.g. ["1.1.1"]; empty for an advisory (参考). */
  criteria: string[];
  /** The kind of finding when the rule fails: violation 不適合, review 要確認, advisory 参考. */
  kind: FindingKind;
  /** It can give `review` findings (a person must decide): true whenever `kind` is review. */
  review: boolean;
  /** How much the problem hurts, for a finding of `kind`. */
  impact: Impact;
  /** The impact of a review finding when lower than `impact` (a doubt weighs less than a certainty). */
  reviewImpact?: Impact;
  title: { ja: string; en: string };
  /** What the rule checks (Japanese). */
  description: string;
  /** Why it matters to the people it affects (Japanese); jis rules put it before the fix. */
  why?: string;
  /** The message a failing finding carries (Japanese, `${data.x}` placeholders filled by the check). */
  message: string;
  /** The message of a review finding, when the rule has its own wording for one. */
  reviewMessage?: string;
  /** What passing means (Japanese), for axe's pass list. */
  passMessage?: string;
  /** How to fix (Japanese): what to do in the CMS. */
  help: string;
  /** Where to read more; the WAIC Understanding page of the first criterion when absent. */
  helpUrl?: string;
  /** When it gives each kind of finding, in a few words (the tables in docs/rules.md). */
  when?: Partial<Record<FindingKind, string>>;
  /** Wordings chosen by what was found; the rule's message and help are the default. */
  variants?: Record<string, RuleVariant>;
}

/** A rule data file: every rule of one source. */
export interface RuleFile {
  source: FindingSource;
  rules: RuleData[];
}

/** One rule of the catalogue, as producers of findings, the docs and the tests read it. */
export interface RuleMeta extends RuleData {
  source: FindingSource;
  helpUrl: string;
}

/** Rules by id. `get` throws on an id that is not in the catalogue: a producer naming an unknown rule is a bug. */
export interface RuleIndex {
  readonly all: readonly RuleMeta[];
  has(id: string): boolean;
  get(id: string): RuleMeta;
}
