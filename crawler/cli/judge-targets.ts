// `jis-a11y judge --page / --pattern`: a typo in a URL or pattern must not be recorded silently (it would judge
// nothing, and the person would believe the criterion done). The page must be an audited page of the run and
// the pattern must match at least one; otherwise the command is refused with the closest audited URLs
// (rules-jis/url-suggest.ts), unless --allow-unmatched is given.
import { UsageError } from '../../rules-jis/exit-codes.js';
import { matchesPattern, normUrl, type JudgementScope } from '../../rules-jis/judgements.js';
import { ROUND_TRIP_MESSAGES_JA as M } from '../../rules-jis/round-trip-messages.js';
import { closestUrls } from '../../rules-jis/url-suggest.js';
import type { Store } from '../store/store.js';

/** The run a judgement is checked against: the one given, else the newest finished run, else the newest. */
async function runToCheck(store: Store, runId?: number): Promise<number | null> {
  return runId ?? (await store.runs.latestRun('finished'))?.id ?? (await store.runs.latestRun())?.id ?? null;
}

/** Throws a UsageError when a page or pattern scope names no audited page of the run. */
export async function checkScopeTargets(store: Store, scope: JudgementScope, runId?: number): Promise<void> {
  if (scope.type !== 'page' && scope.type !== 'pattern') return;
  const run = await runToCheck(store, runId);
  if (run === null) throw new UsageError(M.noRun());
  const urls: string[] = [];
  for await (const p of store.results.iteratePages(run)) if (!p.error) urls.push(normUrl(p.url));
  if (scope.type === 'page') {
    const url = normUrl(scope.url);
    if (!urls.includes(url)) throw new UsageError(M.pageNotAudited(scope.url, run, closestUrls(url, urls)));
    return;
  }
  if (!urls.some((u) => matchesPattern(scope.pattern, u))) throw new UsageError(M.patternMatchesNothing(scope.pattern, run, closestUrls(scope.pattern, urls)));
}
