// The data of the workspace's page view (GET /api/v1/ws/pages?url=, issue 15 item 4): the page as the newest
// run that has it recorded it, its screenshot, its findings in plain Japanese (the catalogue's rule title and
// the finding's own Japanese message and fix, never an axe id alone) with their boxes on the screenshot, the
// judgements of the current test that name the page (「再確認」 when the page changed since), and the evidence
// given for it. Reads the store only; the route (page-routes.ts) answers.
import { ruleCatalogue } from '../../../rules-jis/catalogue/index.js';
import { criterion as findCriterion } from '../../../rules-jis/criteria.js';
import { isStaleFor, namesPage, normUrl, type Judgement } from '../../../rules-jis/judgements.js';
import { JUDGEMENT_MARK_JA, JUDGEMENT_RESULT_LABEL_JA, JUDGEMENT_SCOPE_LABEL_JA, KIND_LABEL_JA } from '../../../rules-jis/labels-ja.js';
import type { FindingKind } from '../../../rules-jis/types.js';
import type { FindingBox, StoredEvidence, StoredFinding, StoredPage, Store } from '../../store/store.js';

/** Where the files route serves a stored file. */
export const fileUrl = (sha256: string): string => `/api/v1/ws/files/${sha256}`;

export interface CriterionRef {
  id: string;
  title: string;
  level: string;
}

export interface PageViewFinding {
  id: number;
  ruleId: string;
  /** The rule's Japanese title (the catalogue's). */
  rule: string;
  kind: FindingKind;
  kindLabel: string;
  criteria: CriterionRef[];
  message: string;
  help: string;
  helpUrl: string;
  selector: string;
  /** The element's HTML (text: the UI shows it escaped). */
  html: string;
  /** Where the element was on the screenshot, when there is one and the element was visible. */
  box: Omit<FindingBox, 'selector'> | null;
}

export interface PageViewJudgement {
  id: number;
  criterion: string;
  result: Judgement['result'];
  resultLabel: string;
  mark: string;
  note: string;
  who: string;
  when: string;
  scope: string;
  /** The page changed since it was judged: 「再確認」. */
  recheck: boolean;
}

export interface PageViewEvidence {
  sha256: string;
  kind: StoredEvidence['kind'];
  mime: string;
  bytes: number;
  url: string;
  /** A note's text (plain text, never HTML). */
  note: string | null;
  criterion: string | null;
  actor: string;
  createdAt: string;
}

export interface PageView {
  page: { url: string; title: string; status: number | null; runId: number; auditedAt: string; contentHash: string | null; error: StoredPage['error'] };
  screenshot: { url: string; sha256: string; width: number; height: number; pageHeight: number; takenAt: string; runId: number } | null;
  findings: PageViewFinding[];
  judgements: PageViewJudgement[];
  evidence: PageViewEvidence[];
  test: { id: number; name: string } | null;
}

/** The page in the newest run that has it (the URL as given, then as the judgements normalise it). */
async function newestPage(store: Store, url: string): Promise<StoredPage | null> {
  const variants = [...new Set([url, normUrl(url)])];
  for (const run of await store.runs.listRuns()) {
    for (const u of variants) {
      const p = await store.results.pageByUrl(run.id, u);
      if (p) return p;
    }
  }
  return null;
}

function criteriaOf(ids: string[]): CriterionRef[] {
  return ids.map((id) => {
    const c = findCriterion(id);
    return { id, title: c?.ja ?? '', level: c?.level ?? '' };
  });
}

function plainFinding(f: StoredFinding, boxes: Map<string, FindingBox>): PageViewFinding {
  const cat = ruleCatalogue();
  const b = boxes.get(f.selector);
  return {
    id: f.id,
    ruleId: f.ruleId,
    rule: cat.has(f.ruleId) ? cat.get(f.ruleId).title.ja : f.ruleId,
    kind: f.kind,
    kindLabel: KIND_LABEL_JA[f.kind],
    criteria: criteriaOf(f.criteria),
    message: f.message,
    help: f.help,
    helpUrl: f.helpUrl,
    selector: f.selector,
    html: f.html,
    box: b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null,
  };
}

function judgementView(j: Judgement, page: StoredPage): PageViewJudgement {
  return {
    id: j.id,
    criterion: j.criterion,
    result: j.result,
    resultLabel: JUDGEMENT_RESULT_LABEL_JA[j.result],
    mark: JUDGEMENT_MARK_JA[j.result],
    note: j.note,
    who: j.who,
    when: j.when,
    scope: JUDGEMENT_SCOPE_LABEL_JA[j.scope.type],
    recheck: !!j.recheck || isStaleFor(j, { url: page.url, contentHash: page.contentHash }),
  };
}

const namesThisPage = (j: Judgement, url: string) => namesPage(j, { url }) || (j.scope.type === 'finding' && !j.revokedAt && normUrl(j.scope.url) === normUrl(url));

function evidenceView(e: StoredEvidence): PageViewEvidence {
  return { sha256: e.sha256, kind: e.kind, mime: e.mime, bytes: e.bytes, url: fileUrl(e.sha256), note: e.note, criterion: e.criterion, actor: e.actor, createdAt: e.createdAt };
}

/** The page view of `url`, or null when no run has the page. */
export async function pageView(store: Store, url: string): Promise<PageView | null> {
  const page = await newestPage(store, url);
  if (!page) return null;
  const shot = (await store.files.screenshotOf(page.runId, page.url)) ?? (await store.files.latestScreenshot(page.url));
  const boxes = new Map((shot?.boxes ?? []).map((b) => [b.selector, b]));
  const test = (await store.tests.openTest()) ?? (await store.tests.list()).at(-1) ?? null;
  const judgements = test ? (await store.tests.judgementsOf(test.id)).filter((j) => namesThisPage(j, page.url)) : [];
  return {
    page: { url: page.url, title: page.title, status: page.status, runId: page.runId, auditedAt: page.auditedAt, contentHash: page.contentHash, error: page.error },
    screenshot: shot ? { url: fileUrl(shot.sha256), sha256: shot.sha256, width: shot.width, height: shot.height, pageHeight: shot.pageHeight, takenAt: shot.takenAt, runId: shot.runId } : null,
    findings: (await store.results.findingsOfPage(page.id)).map((f) => plainFinding(f, boxes)),
    judgements: judgements.map((j) => judgementView(j, page)),
    evidence: (await store.files.evidenceOfPage(page.url)).map(evidenceView),
    test: test ? { id: test.id, name: test.name } : null,
  };
}
