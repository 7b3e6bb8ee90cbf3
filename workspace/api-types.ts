// The shapes of the workspace API as the web app reads them (/work/tools/ws-contract.md, crawler/service/openapi.json).
// Only what the screens use; every field the server may leave out is optional, so a newer server does not break
// an older page. Types only: no runtime code.
import type { Role, WorkspaceUser } from '../rules-jis/roles.js';

export type { Role, WorkspaceUser };

export interface Session {
  user: WorkspaceUser;
  csrfToken: string;
}

export interface RunProgress {
  done: number;
  queued: number;
  errors: number;
  pagesPerMinute?: number;
  etaSeconds?: number | null;
}

export interface RunRow {
  id: number | string;
  status: string;
  startedAt: string;
  finishedAt?: string | null;
  label?: string | null;
  pages?: number;
  site?: string;
  schedule?: string | null;
  progress?: RunProgress | null;
}

export interface TestSummary {
  name: string;
  period?: { from: string; to: string } | null;
  completion: { cells: number; decided: number } | null;
  /** The claim as the 試験結果 would state it today (the server's words). */
  claim: { state?: string; text: string; reason?: string } | string | null;
  blockers?: string[];
}

export interface TrendPoint {
  year?: number | string;
  fiscalYear?: number;
  label?: string;
  pages?: number;
  violations?: number;
  failingCriteria?: number;
}

export interface ScheduleRow {
  name: string;
  cron?: string;
  next?: string | null;
  running?: boolean;
}

export interface Dashboard {
  runs: RunRow[];
  test: TestSummary | null;
  trend: TrendPoint[];
  schedules: ScheduleRow[];
}

export type CellState = 'fail' | 'review' | 'untested' | 'pass' | 'fail-judged' | 'na' | 'recheck' | 'inapplicable';

export interface Judgement {
  result: 'pass' | 'fail' | 'na' | 'inapplicable';
  note?: string;
  /** Who and when (login, ISO instant). */
  who?: string;
  when?: string;
  waiver?: string;
  /** The page changed since (再確認). */
  recheck?: boolean;
}

export interface Cell {
  pageUrl: string;
  criterion: string;
  state: CellState | string;
  judgement?: Judgement;
  assignee?: string | null;
  due?: string | null;
  scope?: 'page' | 'template' | 'site';
}

export interface SheetPage {
  url: string;
  title?: string;
  kind?: 'representative' | 'random';
  template?: string | null;
}

export interface Sheet {
  criteria: { id: string; title: string; level: string }[];
  pages: SheetPage[];
  cells: Cell[];
  total: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageFinding {
  ruleId?: string;
  /** The rule's Japanese title. */
  rule?: string;
  kind: 'violation' | 'review' | 'advisory' | string;
  kindLabel?: string;
  criteria?: { id: string; title: string }[];
  message: string;
  help?: string;
  selector?: string;
  box?: Box | null;
}

export interface PageView {
  page: { url: string; title?: string; template?: string | null };
  screenshot?: { url: string; width: number; height: number } | null;
  findings: PageFinding[];
  judgements?: (Judgement & { criterion: string })[];
  evidence?: { sha256: string; kind?: string; url?: string; note?: string | null; criterion?: string | null; actor?: string; createdAt?: string }[];
}

export interface KitProcedure {
  criterion: string;
  title?: string;
  judgedPer?: string;
  steps?: string[];
  failures?: string[];
  inapplicableWhen?: string;
  [k: string]: unknown;
}

export interface QueueGroup {
  rule: string;
  ruleLabel: string;
  criteria: string[];
  template: string;
  pages: { url: string; title?: string }[];
  count: number;
}

export interface Queue {
  groups?: QueueGroup[];
  items?: QueueGroup[];
  total?: number;
}

export interface Version {
  version: number;
  approvedAt: string;
  approvedBy?: string;
  statementDate?: string;
  claim?: string;
  /** File names and their URLs under /reports/, in the same order. */
  files?: string[];
  urls?: string[];
}

export interface Approval {
  ready: boolean;
  blockers: string[];
  draftUrl?: string | null;
  versions: Version[];
}

export interface UserRow {
  login: string;
  displayName: string;
  role: Role;
  disabled?: boolean;
  lastLoginAt?: string | null;
}
