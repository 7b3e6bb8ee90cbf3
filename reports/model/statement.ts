// The statement of the report model: the site's name and the fields of the 試験結果 a person may give
// (reports/model.ts StatementOptions), with defaults taken from the run where they are left out.
import type { Run, StoredPage } from '../../crawler/store/store.js';
import type { ReportModel, StatementOptions } from '../model.js';
import { isoDateJst } from '../format.js';
import type { DocumentSelection } from '../selection/documents.js';

/** The site's top page: a start URL, else the root path, else the shallowest page, else the first. */
function topPage(run: Run, audited: StoredPage[]): StoredPage | undefined {
  return audited.find((p) => run.startUrls.includes(p.url)) ?? audited.find((p) => new URL(p.url).pathname === '/') ?? audited.find((p) => p.depth === 0) ?? audited[0];
}

/**
 * What the test leaves out by default: the linked documents not tested and pages that could not be shown.
 * Documents whose content was checked but are outside the test are still listed with their results: the
 * wording says where the results are instead of implying that nobody looked at them.
 */
function defaultExclusions(errored: StoredPage[], documents: StatementDocuments): string[] {
  const out: string[] = [];
  const { total, checked, population } = documents;
  const tested = documents.urls.length;
  if (tested && total > tested) {
    const why = [total - population && `自動検査で中身を読めなかった ${total - population} 件`, population - tested && `抽出しなかった ${population - tested} 件`].filter(Boolean).join('、');
    out.push(`PDF・Office などのウェブページ以外の文書のうち、試験しなかった ${total - tested} 件（全 ${total} 件中。${why}。文書の一覧を別に掲載）`);
  } else if (!tested && total && checked)
    out.push(`PDF・Office などのウェブページ以外の文書（${total} 件。このうち ${checked} 件は文書の自動検査を行い、結果を文書の一覧に掲載。達成基準チェックリストの判定には含めない）`);
  else if (!tested && total) out.push(`PDF・Office などのウェブページ以外の文書（${total} 件。文書の一覧を別に掲載）`);
  if (errored.length) out.push(`表示できなかったページ（${errored.length} 件。リンク切れ等の一覧を別に掲載）`);
  return out;
}

/** The run's documents as the exclusions count them: linked, read, testable, and tested with the pages. */
export type StatementDocuments = Pick<DocumentSelection, 'total' | 'checked' | 'population' | 'urls'>;

export interface StatementInput {
  run: Run;
  audited: StoredPage[];
  errored: StoredPage[];
  documents: StatementDocuments;
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
