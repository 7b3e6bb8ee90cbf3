// The interaction phase: after the static audit, drive the page with the keyboard and judge
// 2.1.1, 2.1.2, 2.4.3, 2.4.7, 3.2.1 and 3.2.2 (criteria axe cannot touch).
// Order: install helper + guard → Tab/Shift+Tab traversal (gather) → overlay image →
// active probes (2.1.1, 3.2.2) → judge → teardown. A hard budget bounds all of it; checks that did not get
// to run have no RuleStat (= untested). The page is left on its original document.
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import type { Finding, RuleStat } from '../../../rules-jis/types.js';
import { Budget, BudgetExceeded, withTimeout } from './budget.js';
import { toFinding, toStat, type CheckOutput } from './finding.js';
import { NavigationGuard } from './guard.js';
import { call, installInPage } from './in-page-loader.js';
import { focusOverlay } from './overlay.js';
import type { ProbeContext } from './probe.js';
import { traverse, PageReplaced } from './traversal.js';
import type { InteractionOptions, InteractionResult, TraversalArtifacts } from './types.js';
import * as keyboardTrap from './checks/keyboard-trap.js';
import * as focusVisible from './checks/focus-visible.js';
import * as focusOrder from './checks/focus-order.js';
import * as onFocus from './checks/on-focus.js';
import * as keyboardOperable from './checks/keyboard-operable.js';
import * as onInput from './checks/on-input.js';

export type { FocusStop, InteractionOptions, InteractionResult } from './types.js';

/** The checks of this phase, for reports that list what ran. */
export const interactionChecks = [keyboardTrap.meta, focusVisible.meta, focusOrder.meta, onFocus.meta, keyboardOperable.meta, onInput.meta];

const DEFAULT_BUDGET = 10_000;
/** Time kept back from the budget for teardown (restore focus/scroll, remove helper, disarm guard). */
const TEARDOWN_MS = 1500;

export async function runInteractionPhase(page: Page, opts: InteractionOptions = {}): Promise<InteractionResult> {
  const t00 = Date.now();
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET;
  const budget = new Budget(Math.max(500, budgetMs - Math.min(TEARDOWN_MS, budgetMs * 0.2)));
  const outputs: CheckOutput[] = [];
  const errors: string[] = [];
  let timedOut = false;
  let restored = false;
  let art: (TraversalArtifacts & { ids: number[] }) | undefined;
  let overlayPng: Buffer | undefined;
  const guard = new NavigationGuard(page, opts.requestInterceptionEnabled ?? false);
  let scroll: [number, number] = [0, 0];
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };

  const recover = async () => {
    restored = (await guard.restore()) || restored;
    await budget.run(installInPage(page));
    await budget.run(call(page, 'init'));
  };

  try {
    await budget.run(guard.arm());
    scroll = (await budget.run(page.evaluate('[scrollX, scrollY]'))) as [number, number];
    if (!(await budget.run(installInPage(page)))) throw new Error('in-page helper did not install');
    const tabbables = await budget.run(call<number>(page, 'init'));
    const reserveMs = 300;
    lap('setup');

    try {
      art = await traverse(page, guard, budget, { maxTabs: opts.maxTabs ?? 300, reserveMs, maxPixelChecks: 40, tabbables, forwardShare: 0.6, backwardShare: 0.75 });
    } catch (e) {
      if (!(e instanceof PageReplaced)) throw e;
      errors.push('traversal: the document was replaced; restored');
      await recover();
    }
    lap('traversal');
    if (art) {
      art.tabbableCount = tabbables;
      outputs.push(keyboardTrap.judge(art), focusVisible.judge(art), focusOrder.judge(art), onFocus.judge(art));
      if (opts.overlay !== false && art.stops.length && budget.left() > 800) {
        try {
          overlayPng = await focusOverlay(page, budget, art.stops.map((s) => s.stop));
        } catch (e) {
          if (e instanceof BudgetExceeded) throw e;
          errors.push(`overlay: ${String(e)}`);
        }
      }
    }
    lap('overlay');
    const ctx: ProbeContext = {
      page,
      budget,
      guard,
      reserveMs,
      maxInputs: opts.maxInputs ?? 20,
      maxProbes: opts.maxProbes ?? 20,
      reachedIds: art?.ids ?? [],
      recover,
    };
    // 3.2.2 first: it is cheap and certain; 2.1.1 presses keys on custom controls and may change more state
    outputs.push(await onInput.probe(ctx));
    lap('on-input');
    outputs.push(await keyboardOperable.probe(ctx));
    lap('keyboard-operable');
  } catch (e) {
    if (e instanceof BudgetExceeded) timedOut = true;
    else errors.push(String((e as Error)?.stack ?? e));
  }

  mark = Date.now();
  // ---- teardown: its own small budget, so a hung page still lets us return ----
  const tEnd = Date.now() + Math.max(300, budgetMs - budget.ms);
  let pageAlive = true;
  const step = async (name: string, run: () => Promise<unknown>, needsPage = true) => {
    if (needsPage && !pageAlive) return;
    const ms = tEnd - Date.now();
    if (ms <= 0) {
      errors.push(`teardown: no time left for ${name}`);
      return;
    }
    try {
      await withTimeout(run(), ms);
    } catch (e) {
      errors.push(`teardown ${name}: ${String(e)}`);
      // a page that did not answer in time will not answer the next call either
      if (e instanceof BudgetExceeded) pageAlive = false;
    }
  };
  if (guard.leftPage) {
    await step('restore', async () => {
      restored = (await guard.restore(Math.max(100, Math.min(4000, tEnd - Date.now())))) || restored;
    });
  } else {
    await step('cleanup', () => page.evaluate('window.__jisKbd && window.__jisKbd.cleanup()'));
    await step('focus/scroll', () =>
      page.evaluate(`(document.activeElement && document.activeElement.blur && document.activeElement.blur(), window.scrollTo(${scroll[0]}, ${scroll[1]}))`),
    );
  }
  await step('disarm', () => guard.disarm(), false);
  await step('mouse', () => page.mouse.move(0, 0));
  // a budget stop between Shift down and up would leave Shift held for whoever uses the page next
  await step('keyboard', () => page.keyboard.up('Shift'));

  lap('teardown');
  const findings: Finding[] = [];
  const ruleStats: RuleStat[] = [];
  for (const o of outputs) {
    findings.push(...o.verdicts.map((v) => toFinding(o.meta, v)));
    ruleStats.push(toStat(o.meta, o.verdicts, o.applicable));
  }
  if (overlayPng && opts.overlayPath) await writeFile(opts.overlayPath, overlayPng).catch((e) => errors.push(`overlayPath: ${String(e)}`));
  return {
    findings,
    ruleStats,
    focusOrder: art?.stops.map((s) => s.stop) ?? [],
    overlayPng,
    elapsedMs: Date.now() - t00,
    timedOut,
    traversalComplete: art?.completed ?? false,
    restored,
    timings,
    errors,
  };
}
