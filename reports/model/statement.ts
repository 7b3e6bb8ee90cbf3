// The statement of the report model: the site's name and the fields of the 試験結果 a person may give
// (reports/model.ts StatementOptions), with defaults taken from the run where they are left out.
import type { Run, StoredPage } from '../../crawler/store/store.js';
import type { ReportModel, StatementOptions } from '../model.js';
import { isoDateJst } from '../format.js';

/** The site's top page: a start URL, else the root path, else the shallowest page, else the first. */
function topPage(run: Run, audited: StoredPage[]): StoredPage | undefined {
  return audited.find((p) => run.startUrls.includes(p.url)) ?? audited.find((p) => new URL(p.url).pathname === '/') ?? audited.find((p) => p.depth === 0) ?? audited[0];
}

/** What the test leaves out by default: linked documents and pages that could not be shown. */
function defaultExclusions(errored: StoredPage[], documents: number): string[] {
  const out: string[] = [];
  if (documents) out.push(`PDF・Office などのウェブページ以外の文書（${documents} 件。文書の一覧を別に掲載）`);
  if (errored.length) out.push(`表示できなかったページ（${errored.length} 件。リンク切れ等の一覧を別に掲載）`);
  return out;
}

export interface StatementInput {
  run: Run;
  audited: StoredPage[];
  errored: StoredPage[];
  documents: number;
  /** When the report is made (the default 表明日). */
  now: string;
  given?: StatementOptions;
}


export function buildStatement({ run, audited, errored, documents, now, given = {} }: StatementInput): ReportModel['statement'] {
  const siteName = given.siteName ?? (topPage(run, audited)?.title || run.label || run.startUrls[0] || 'ウェブサイト');
  return {
    statementDate: given.statementDate ?? isoDateJst(now),
    siteName,
    scopeDescription: given.scopeDescription ?? `${siteName}（${run.startUrls.join('、')}）で公開しているウェブページ`,
    exclusions: given.exclusions ?? defaultExclusions(errored, documents),
    technologies: given.technologies ?? ['HTML', 'CSS', 'JavaScript', 'WAI-ARIA'],
    period: given.period ?? { from: run.startedAt, to: run.finishedAt ?? run.startedAt },
    organisation: given.organisation ?? null,
    policyUrl: given.policyUrl ?? null,
    futurePlan: given.futurePlan ?? null,
    environments: given.environments ?? [],
    additionalMeasures: given.additionalMeasures ?? [],
    representative: given.representative ?? [],
  };
}
