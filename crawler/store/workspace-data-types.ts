// The shapes of the workspace's test data in the store (issue 15, ws-data): assignments of criteria and cells to
// people, the template of each page (for the review queue), the review queue's groups and the approved versions
// of a 試験結果. The interface is WorkspaceDataStore in ./store.ts; SQLite is ./sqlite/workspace.ts.

/** A criterion (pageUrl '') or one cell of the sheet given to a person, with a due date. */
export interface Assignment {
  testId: number;
  criterion: string;
  /** The page (normalised URL), or '' for the whole criterion. */
  pageUrl: string;
  /** The login of the person. */
  assignee: string;
  /** YYYY-MM-DD (JST), or null. */
  due: string | null;
  assignedBy: string;
  assignedAt: string;
}

export type AssignmentInput = Omit<Assignment, 'assignedAt'> & { assignedAt?: string };

/** A page that has no template recorded yet: what the layout key needs. */
export interface PageForTemplate {
  pageId: number;
  url: string;
  navKeys: string[];
  /** The CMS template the crawl recognised (pages.template_key, issue 19); null for pages audited without it. */
  templateKey: string | null;
}

/** One group of the review queue: the 要確認 findings of one rule on the pages of one template. */
export interface ReviewGroup {
  rule: string;
  template: string;
  /** The criteria the rule's findings name. */
  criteria: string[];
  /** Pages of the template with such a finding. */
  pageCount: number;
  /** The findings. */
  findingCount: number;
}

export interface ReviewGroupPage {
  pageId: number;
  url: string;
  title: string;
  /** SHA-256 of the page's HTML (the fingerprint of a page judgement), when the list gives it. */
  contentHash?: string | null;
}

/** One review finding of a group, as a judgement on it needs it. */
export interface ReviewGroupFinding {
  url: string;
  ruleId: string;
  selector: string;
  html: string;
  criteria: string[];
}

/** An approved 試験結果: version N of a test, its files in `folder` (relative to the reports folder). */
export interface ApprovedVersion {
  id: number;
  testId: number;
  version: number;
  runId: number;
  statementDate: string;
  /** The claim as published (its text). */
  claim: string;
  approvedBy: string;
  approvedAt: string;
  folder: string;
  files: string[];
}

export type NewVersion = Omit<ApprovedVersion, 'id' | 'version' | 'approvedAt'> & { approvedAt?: string };
