// The interaction phase: after the static audit, drive the page with the keyboard and the mouse and judge
// 1.4.4, 2.1.1, 2.1.2, 2.2.1, 2.2.2, 2.4.3, 2.4.7, 3.2.1, 3.2.2 and 3.3.1 (criteria axe cannot touch).
// Order: guard + in-page helpers (window.jisA11y.keyboard, rules-jis/page/keyboard/) and the motion watch
// (rules-jis/page/motion/, running beside everything that follows) → Tab/Shift+Tab traversal (gather) →
// overlay image → the 200% pass (../zoom/) → active probes (3.2.2, 2.1.1, hover tips, dialogs, the empty form) →
// the motion report → judge → teardown. A hard budget bounds all of it; checks that did not get to run have no
// RuleStat (= untested). The page is left on its original document.
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import type { Finding, RuleStat } from '../../../rules-jis/types.js';
import { Budget, BudgetExceeded } from './budget.js';
import { toFinding, toStat, type CheckOutput } from './finding.js';
import { NavigationGuard } from './guard.js';
import { call, keyboardReady } from './page-calls.js';
import { focusOverlay } from './overlay.js';
import type { ProbeContext } from './probe.js';
import { teardown } from './teardown.js';
import { traverse, PageReplaced, type Traversal } from './traversal.js';
import type { InteractionOptions, InteractionResult } from './types.js';
import * as keyboardTrap from './checks/keyboard-trap.js';
import * as focusVisible from './checks/focus-visible.js';
import * as focusOrder from './checks/focus-order.js';
import * as onFocus from './checks/on-focus.js';
import * as keyboardOperable from './checks/keyboard-operable.js';
import * as onInput from './checks/on-input.js';
import * as hoverContent from './checks/hover-content.js';
import * as dialogs from './checks/dialogs.js';
import * as formErrors from './checks/form-errors.js';
import * as motion from './checks/motion.js';
import { zoomPass } from '../zoom/index.js';

export type { FocusStop, InteractionOptions, InteractionResult } from './types.js';

const DEFAULT_BUDGET = 10_000;
/** Time kept back from the budget for teardown (restore focus/scroll, remove helper, disarm guard). */
const TEARDOWN_MS = 1500;
/** Time the traversal and the probes leave for what follows them (ms). */
const RESERVE_MS = 300;
/** The 200% pass runs only with this much budget left (ms): two relayouts and a walk of the text. */
const ZOOM_MIN_MS = 1500;
/** The motion report may take this much of the teardown's time when the budget has run out (ms). */
const MOTION_REPORT_MS = 150;

/** One run of the phase on one page: what it has gathered so far, and where the time went. */
class PhaseRun {
  readonly outputs: CheckOutput[] = [];
  readonly errors: string[] = [];
  readonly timings: Record<string, number> = {};
  readonly guard: NavigationGuard;
  readonly budget: Budget;
  art: Traversal | undefined;
  /** The motion watch runs in the page (its report is taken at the end, whatever else happened). */
  watching = false;
  overlayPng: Buffer | undefined;
  timedOut = false;
  restored = false;
  private mark = Date.now();

  constructor(readonly page: Page, readonly opts: InteractionOptions, readonly budgetMs: number) {
    this.budget = new Budget(Math.max(500, budgetMs - Math.min(TEARDOWN_MS, budgetMs * 0.2)));
    this.guard = new NavigationGuard(page, opts.requestInterceptionEnabled ?? false);
  }

  lap(name: string): void {
    const now = Date.now();
    this.timings[name] = now - this.mark;
    this.mark = now;
  }

  /** The document was replaced: restore it and start the helpers again. */
  readonly recover = async (): Promise<void> => {
    this.restored = (await this.guard.restore()) || this.restored;
    await this.budget.run(keyboardReady(this.page));
    await this.budget.run(call(this.page, 'init'));
  };

  async setup(): Promise<number> {
    await this.budget.run(this.guard.arm());
    if (!(await this.budget.run(keyboardReady(this.page)))) throw new Error('in-page helper did not install');
    const tabbables = await this.budget.run(call(this.page, 'init'));
    this.watching = (await this.budget.run(call(this.page, 'watchStart'))) >= 0;
    return tabbables;
  }

  /**
   * The 200% pass (1.4.4): after the Tab pass (whose share of the budget counts from the start: on a 250-link
   * page a zoom before it left the pass incomplete) and before the probes (the empty submit leaves error text).
   * Skipped, with no RuleStat (untested), when the budget is nearly spent.
   */
  async zoom(): Promise<void> {
    if (this.opts.zoom === false || this.budget.left() < ZOOM_MIN_MS) return;
    try {
      this.outputs.push(await zoomPass(this.page, this.budget));
    } catch (e) {
      if (e instanceof BudgetExceeded) throw e;
      this.errors.push(`zoom: ${String(e)}`);
    }
    this.lap('zoom');
  }

  async gather(tabbables: number): Promise<void> {
    try {
      const maxTabs = this.opts.maxTabs ?? 300;
      this.art = await traverse(this.page, this.guard, this.budget, { maxTabs, reserveMs: RESERVE_MS, maxPixelChecks: 40, tabbables, forwardShare: 0.6, backwardShare: 0.75 });
    } catch (e) {
      if (!(e instanceof PageReplaced)) throw e;
      this.errors.push('traversal: the document was replaced; restored');
      await this.recover();
    }
    this.lap('traversal');
    if (!this.art) return;
    this.art.tabbableCount = tabbables;
    this.outputs.push(keyboardTrap.judge(this.art), focusVisible.judge(this.art), focusOrder.judge(this.art), onFocus.judge(this.art));
  }

  async overlay(): Promise<void> {
    if (this.opts.overlay === false || !this.art?.stops.length || this.budget.left() <= 800) return;
    try {
      this.overlayPng = await focusOverlay(this.page, this.budget, this.art.stops.map((s) => s.stop));
    } catch (e) {
      if (e instanceof BudgetExceeded) throw e;
      this.errors.push(`overlay: ${String(e)}`);
    }
  }

  async probes(): Promise<void> {
    const ctx: ProbeContext = {
      page: this.page,
      budget: this.budget,
      guard: this.guard,
      reserveMs: RESERVE_MS,
      maxInputs: this.opts.maxInputs ?? 20,
      maxProbes: this.opts.maxProbes ?? 20,
      maxClicks: this.opts.maxClicks ?? 5,
      reachedIds: this.art?.ids ?? [],
      recover: this.recover,
    };
    // 3.2.2 first: it is cheap and certain; 2.1.1 presses keys on custom controls and may change more state;
    // dialogs open and close things; the empty submit leaves error messages on the page, so it comes last
    this.outputs.push(await onInput.probe(ctx));
    this.lap('on-input');
    const operable = await keyboardOperable.probe(ctx);
    this.outputs.push(operable);
    this.lap('keyboard-operable');
    this.outputs.push(await hoverContent.probe(ctx, new Set(operable.verdicts.map((v) => v.selector))));
    this.lap('hover-content');
    this.outputs.push(...(await dialogs.probe(ctx)));
    this.lap('dialogs');
    this.outputs.push(await formErrors.probe(ctx));
    this.lap('form-error');
  }

  /** The motion watch's report (2.2.1, 2.2.2): waits for a carousel that has not moved yet while the budget allows. */
  async motionReport(): Promise<void> {
    if (!this.watching || this.guard.leftPage) return;
    this.mark = Date.now();
    try {
      this.outputs.push(...(await motion.report(this.page, Math.max(MOTION_REPORT_MS, this.budget.left() - RESERVE_MS))));
    } catch (e) {
      this.errors.push(`motion: ${String(e)}`);
    }
    this.lap('motion');
  }

  async main(): Promise<void> {
    try {
      const tabbables = await this.setup();
      this.lap('setup');
      await this.gather(tabbables);
      await this.overlay();
      this.lap('overlay');
      await this.zoom();
      await this.probes();
    } catch (e) {
      if (e instanceof BudgetExceeded) this.timedOut = true;
      else this.errors.push(String((e as Error)?.stack ?? e));
    }
  }

  async finish(): Promise<void> {
    this.mark = Date.now();
    const deadline = Date.now() + Math.max(300, this.budgetMs - this.budget.ms);
    const { restored } = await teardown(this.page, this.guard, deadline, this.errors);
    this.restored = restored || this.restored;
    this.lap('teardown');
  }

  findings(): { findings: Finding[]; ruleStats: RuleStat[] } {
    const findings: Finding[] = [];
    const ruleStats: RuleStat[] = [];
    for (const o of this.outputs) {
      findings.push(...o.verdicts.map((v) => toFinding(o.meta, v)));
      ruleStats.push(toStat(o.meta, o.verdicts, o.applicable));
    }
    return { findings, ruleStats };
  }
}

export async function runInteractionPhase(page: Page, opts: InteractionOptions = {}): Promise<InteractionResult> {
  const t00 = Date.now();
  const run = new PhaseRun(page, opts, opts.budgetMs ?? DEFAULT_BUDGET);
  await run.main();
  await run.motionReport();
  await run.finish();
  const { overlayPng, art, errors } = run;
  if (overlayPng && opts.overlayPath) await writeFile(opts.overlayPath, overlayPng).catch((e) => errors.push(`overlayPath: ${String(e)}`));
  return {
    ...run.findings(),
    focusOrder: art?.stops.map((s) => s.stop) ?? [],
    overlayPng,
    elapsedMs: Date.now() - t00,
    timedOut: run.timedOut,
    traversalComplete: art?.completed ?? false,
    restored: run.restored,
    timings: run.timings,
    errors,
  };
}
