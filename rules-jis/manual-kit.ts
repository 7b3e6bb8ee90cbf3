// The manual-test kit (手作業の試験の手順): for each of the 38 A/AA success criteria, how a person judges it —
// per page, per template or once for the site; what the automated checks already cover; the steps in plain
// Japanese with the tools and the extension's aids; common failures on CMS pages; when it may be marked
// −（適用なし）; who fixes a failure; and a rough time. The words are data (data/manual-kit.json, validated by
// schema/manual-kit.schema.json) so the 試験結果, the worksheet, the extension's checklist and the web workspace
// show the same text; docs/manual-kit.md is generated from it (scripts/docs.ts).
// `judgedPer` maps onto the judgement scopes of judgements.ts: page → `page`, template → `pattern`, site → `site`.
// No Node APIs: the extension imports this file.
import data from './data/manual-kit.json';
import { compareCriterionIds } from './criteria.js';

/** Where the decision is naturally made on a CMS site. */
export type JudgedPer = 'page' | 'template' | 'site';
/** automatic: the checks decide it alone (data/automation.json); automatic+person: rules cover part; person: no rule. */
export type KitAutomation = 'automatic' | 'automatic+person' | 'person';
/** Who fixes a failure: the page's editor (the division that published it), the template, the system, or it depends on where. */
export type FixBy = 'editor' | 'template' | 'system' | 'mixed';
/** The tools a step uses. */
export type ToolId = 'look' | 'keyboard' | 'nvda' | 'zoom-200' | 'text-200' | 'media';
/** The extension's aids (補助ツール). */
export type AidId = 'alt' | 'headings' | 'landmarks' | 'tab-order' | 'contrast';

export interface KitLabel {
  /** The name a screen shows. */
  label: string;
  /** How to use it, in a sentence or two. */
  how: string;
}

/** One criterion's kit as data/manual-kit.json writes it. */
export interface KitEntry {
  judgedPer: JudgedPer;
  /** Why that unit (one line, Japanese). */
  judgedPerReason: string;
  automation: KitAutomation;
  /** What the checks look at and what a person confirms (one line). */
  automationNote: string;
  /** Empty for a criterion the checks decide alone. */
  tools: ToolId[];
  aids: AidId[];
  procedure: {
    /** 2–5 steps. */
    steps: string[];
    /** When to mark ○. */
    pass: string;
    /** When to mark ×. */
    fail: string;
  };
  /** 3–5 common failures on Japanese CMS pages, one line each. */
  failures: string[];
  /** When the tester may mark −（適用なし）. */
  inapplicableWhen: string;
  /** A page editor can fix a failure in the CMS body. */
  editorCanFix: boolean;
  fixBy: FixBy;
  fixNote: string;
  /** Rough minutes per unit of `judgedPer` (a page, a template, the site); 0 when the checks decide it alone. */
  time: number;
}

export interface ManualKitFile {
  tools: Record<ToolId, KitLabel>;
  aids: Record<AidId, KitLabel>;
  criteria: Record<string, KitEntry>;
}

/** A kit entry with its criterion number. */
export interface ManualKitItem extends KitEntry {
  /** WCAG / JIS number, e.g. "1.1.1". */
  id: string;
}

const file = data as ManualKitFile;

/** Every criterion's kit, in criterion order. */
export const MANUAL_KIT: readonly ManualKitItem[] = Object.entries(file.criteria)
  .map(([id, entry]) => ({ id, ...entry }))
  .sort((a, b) => compareCriterionIds(a.id, b.id));

const byId = new Map(MANUAL_KIT.map((k) => [k.id, k]));

/** The kit of one criterion ("1.1.1"); undefined for a criterion it does not cover (AAA). */
export function manualKit(id: string): ManualKitItem | undefined {
  return byId.get(id);
}

export const KIT_TOOLS: Readonly<Record<ToolId, KitLabel>> = file.tools;
export const KIT_AIDS: Readonly<Record<AidId, KitLabel>> = file.aids;


/** How many units of each kind a test has: its selected pages, the templates among them, and the site. */
export interface KitUnits {
  pages: number;
  templates: number;
  /** 1 unless the test covers several sites. */
  sites?: number;
}

/**
 * The minutes of human work for a test, by the kit's `time` of every criterion that needs a person:
 * per page × pages, per template × templates, per site × sites. `share` (0–1 by criterion) is the part of the
 * units where a criterion applies (e.g. 0.1 for video on one page in ten); 1 when absent, so without it the
 * result is an upper bound (every criterion applying everywhere). Criteria the checks decide alone cost 0.
 */
export function estimateMinutes(units: KitUnits, share: Readonly<Partial<Record<string, number>>> = {}, kit: readonly ManualKitItem[] = MANUAL_KIT): number {
  const count: Record<JudgedPer, number> = { page: units.pages, template: units.templates, site: units.sites ?? 1 };
  return kit.reduce((sum, k) => sum + k.time * count[k.judgedPer] * (share[k.id] ?? 1), 0);
}
