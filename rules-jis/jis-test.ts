// The yearly JIS test (試験) as data (issue 14): what a test owns besides the crawl results. One set of
// shapes for the store (crawler/store), the `jis-a11y test` commands, the reports and the 試験結果 JSON, and
// later the workspace. No Node APIs: the extension may import it.
import type { Target } from './types.js';

/** One environment the manual checks were made in, as real 試験結果 pages publish it. */
export interface TestEnvironment {
  /** e.g. 「Windows 11 23H2」. */
  os: string;
  /** e.g. 「Google Chrome 131」. */
  browser: string;
  /** Assistive technology with its version, e.g. 「NVDA 2024.4 日本語版」; absent when none was used. */
  assistiveTech?: string;
}

/** The statement (表明) of a test: what a person gives; the rest comes from the runs and judgements. */
export interface TestStatement {
  /** 表明日 (YYYY-MM-DD, JST). Must be on or after the end of the 試験実施期間. */
  statementDate?: string;
  /** Name of the site, e.g. 「みどり県公式ホームページ」. */
  siteName?: string;
  /** 対象となるウェブページの説明. */
  scopeDescription?: string;
  /** Exclusions (pages or content not covered), one per entry. */
  exclusions?: string[];
  /** 依存したウェブコンテンツ技術. */
  technologies?: string[];
  /** URL of the body's ウェブアクセシビリティ方針. */
  policyUrl?: string;
  /** 今後の対応方針: required before a 一部準拠 claim may be stated. */
  futurePlan?: string;
  /** 試験の実施者 as an organisation, e.g. 「みどり県 総務部 広報広聴課」. */
  organisation?: string;
  /** Environments of the manual checks (OS / browser / AT with versions). */
  environments?: TestEnvironment[];
  /** 追加の対応 (measures beyond the target level), one per entry. */
  additionalMeasures?: string[];
  /** Representative pages a person names: URLs or URL globs (picomatch on the path when it starts with "/"). */
  representative?: string[];
  /** Whether the linked PDF and Office documents are tested with the pages (absent: excluded, and the exclusions say so). */
  documents?: DocumentPolicy;
}

/**
 * The documents of a test: 'exclude' lists them but keeps them out of the checklist; 'all' tests every document
 * the checks could read; 'sample' tests `n` of them drawn by a seeded sample (reports/selection/documents.ts).
 */
export interface DocumentPolicy {
  include: 'exclude' | 'all' | 'sample';
  /** Documents drawn for 'sample'. */
  n?: number;
}

export type TestStatus = 'open' | 'closed';

/** A test: created for a 年度 or a named round. */
export interface JisTest {
  id: number;
  /** e.g. 「令和8年度 試験」. */
  name: string;
  /** 年度 (e.g. 2026), or null for a named round. */
  fiscalYear: number | null;
  target: Target;
  status: TestStatus;
  statement: TestStatement;
  /** Runs whose automated results the test uses (oldest first). */
  runIds: number[];
  createdAt: string;
  closedAt: string | null;
}

/** Why a page is in the selection: 代表 (named by a person or suggested and accepted) or ランダム (drawn). */
export type SelectionKind = 'representative' | 'random';

/** Where a selected page came from: a person's list, a suggestion a person accepted, or a logged draw. */
export type SelectionSource = 'user' | 'suggested' | 'draw';

export interface SelectedPage {
  url: string;
  kind: SelectionKind;
  /** Why: 「トップページ」「フォームがあるページ」「利用者が指定」「テンプレート …」「抽選 #3」. */
  reason: string;
  /** Where it came from (optional: added by the selection branch; absent means not known). */
  source?: SelectionSource;
  /** For a random page: the draw (DrawLog.id) it came from. */
  drawId?: number;
}

/** A random draw, logged with its seed and time before the draw is made (JB.1.2, so a draw cannot be shopped). */
export interface DrawLog {
  id: number;
  testId: number;
  /** Pages asked for. */
  n: number;
  seed: string;
  /** Pages that could be drawn. */
  population: number;
  /** SHA-256 of the sorted URLs that could be drawn (optional): shows later that the draw saw this population. */
  populationHash?: string;
  /** When the seed was recorded (before the draw). */
  plannedAt: string;
  /** The URLs drawn; null until the draw is made. */
  urls: string[] | null;
  drawnAt: string | null;
}
