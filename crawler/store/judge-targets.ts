// Judgements by --page / --pattern (the CLI `jis-a11y judge`, its imports, and the workspace API): a typo in a URL or
// pattern must not be recorded silently (it would judge nothing, and the person would believe the criterion
// done). The page must be an audited page of the run and the pattern must match at least one; otherwise the
// judgement is refused with the closest audited URLs (rules-jis/url-suggest.ts), unless the caller allows it.
import { UsageError } from '../../rules-jis/exit-codes.js';
import { matchesPattern, normUrl, validateJudgement, type JudgementInput, type JudgementScope } from '../../rules-jis/judgements.js';
import { ROUND_TRIP_MESSAGES_JA as M } from '../../rules-jis/round-trip-messages.js';
import { closestUrls } from '../../rules-jis/url-suggest.js';
import type { Store } from './store.js';
import { testableDocument } from './testable-document.js';

/** The run a judgement is checked against: the one given, else the newest finished run, else the newest. */
async function runToCheck(store: Store, runId?: number): Promise<number | null> {
  return runId ?? (await store.runs.latestRun('finished'))?.id ?? (await store.runs.latestRun())?.id ?? null;
}

/**
 * What is wrong with a page or pattern scope, or null when it names an audited page. A page scope may also name a
 * document the checks read (a test that includes documents is judged on them by URL); a pattern must match a page,
 * since pattern judgements are never applied to documents (reports/model/document-pages.ts).
 */
function scopeProblem(scope: JudgementScope, run: number, urls: string[], documents: string[]): string | null {
  if (scope.type === 'page') {
    const url = normUrl(scope.url);
    return urls.includes(url) || documents.includes(url) ? null : M.pageNotAudited(scope.url, run, closestUrls(url, [...urls, ...documents]));
  }
  if (scope.type === 'pattern') return urls.some((u) => matchesPattern(scope.pattern, u)) ? null : M.patternMatchesNothing(scope.pattern, run, closestUrls(scope.pattern, urls));
  return null;
}

/**
 * Throws a UsageError when a page or pattern scope of the judgements names no audited page of the run (every
 * such judgement named: 「2 件目: …」 when there are several, as an import has).
 */
export async function checkScopeTargets(store: Store, inputs: JudgementInput[], runId?: number): Promise<void> {
  const scoped = inputs.map((j, i) => ({ i, scope: validateJudgement(j, `${i + 1} 件目: `).scope })).filter(({ scope }) => scope.type === 'page' || scope.type === 'pattern');
  if (!scoped.length) return;
  const run = await runToCheck(store, runId);
  if (run === null) throw new UsageError(M.noRun());
  const urls: string[] = [];
  for await (const p of store.results.iteratePages(run)) if (!p.error) urls.push(normUrl(p.url));
  // the run's documents (with their findings) are read only when a page scope names no audited page
  const missing = scoped.some(({ scope }) => scope.type === 'page' && !urls.includes(normUrl(scope.url)));
  const documents = missing ? (await store.results.documentsOfRun(run)).filter(testableDocument).map((d) => normUrl(d.url)) : [];
  const problems = scoped.map(({ i, scope }) => ({ i, p: scopeProblem(scope, run, urls, documents) })).filter((x): x is { i: number; p: string } => x.p !== null);
  if (!problems.length) return;
  throw new UsageError(inputs.length === 1 ? problems[0].p : problems.map(({ i, p }) => `${i + 1} 件目: ${p}`).join('\n'));
}
