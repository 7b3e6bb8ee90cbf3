// The shapes of the page selection (JIS X 8341-3:2016 附属書JB.1.2): what a selection is made from, the
// options, and the result every writer prints. Kept apart so the modules of reports/selection/ (and their
// callers: the report model, `test select`, `test status`) share one vocabulary.
import type { CriterionResult } from '../../rules-jis/types.js';
import type { DrawLog, SelectedPage } from '../../rules-jis/jis-test.js';
import type { SelectionWarning } from '../../rules-jis/selection-messages.js';

export type SelectionMethod = 'all' | 'random' | 'representative' | 'representative-random';

export const METHOD_LABEL_JA: Record<SelectionMethod, string> = {
  all: 'すべてのウェブページを選択',
  random: 'ランダムに選択',
  representative: '代表ページを選択',
  'representative-random': '代表ページ及びランダムに選択',
};

/** A page that could be selected: an audited page of the run, with what the store knows of it. */
export interface SelectablePage {
  url: string;
  title?: string;
  /** Navigation block keys of the page (same header/footer parts suggest the same template). */
  navKeys?: string[];
  /** Its per-criterion outcomes: which criteria apply (more applicable = more to test), whether it has a form. */
  criteria?: CriterionResult[];
  /** Bytes of the HTML as served (more content breaks a tie between pages of one template). */
  bytes?: number | null;
  /** Link depth from the start URL (0 = a start page). */
  depth?: number;
}

export interface SelectionOptions {
  method: SelectionMethod;
  /** Pages drawn at random (random / representative-random). WAIC's guide: 40 or more. */
  n?: number;
  /** Seed of the random draw; the same seed and the same pages give the same selection. */
  seed?: string;
  /** Extra templates given by a person: name and URL glob(s); they win over the inferred ones. */
  templates?: { name: string; match: (url: string) => boolean }[];
  /** Representative pages a person names: URLs or globs (TestStatement.representative); they come first. */
  representative?: string[];
  /** Add the suggested representative pages (top page, forms, templates). Default: true. */
  suggest?: boolean;
}

export interface Template {
  /** The layout signature of the cluster, e.g. "/*\/*.html [nav#gnav+nav#local]". */
  key: string;
  /** Pages of the run with this layout. */
  count: number;
  /** The page chosen to represent it. */
  representative: string;
}

/** The draws of a test, as the 試験結果 reports them. */
export interface DrawsSummary {
  /** Draws made (plans not drawn are not counted). */
  count: number;
  /** Every draw logged, planned or made, oldest first. */
  log: DrawLog[];
  /** The draw whose pages are the random pages, and its place among the draws made (1 = first). */
  used: DrawLog | null;
  ordinal: number | null;
  /** One sentence: how many draws were made and which one is used. */
  sentence: string;
}

export interface Selection {
  method: SelectionMethod;
  methodLabel: string;
  /** Pages that could be selected (audited without error). */
  population: number;
  seed: string | null;
  requestedRandom: number | null;
  /** The template clusters suggested (biggest first), each with its page. */
  templates: Template[];
  /** Template clusters found before the cap. */
  templateCount: number;
  /** Representative pages, in order (the person's list, then the top page, forms, templates). */
  representative: string[];
  /** Pages drawn at random (not counting those already representative). */
  random: string[];
  /** All selected URLs: representative first, then random, no duplicates. */
  urls: string[];
  /** Every selected page with its kind and why (same order as urls). */
  pages: SelectedPage[];
  /** What a reader should question about the selection (Japanese). */
  warnings: SelectionWarning[];
  /** The logged draws when the selection is a test's stored one; null for a selection made on the fly. */
  draws: DrawsSummary | null;
  /** One sentence for the 試験結果, e.g. 「代表ページ 12 ページ及びランダムに選択した 40 ページ（計 52 ページ）」. */
  description: string;
}
