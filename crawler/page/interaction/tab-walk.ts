// The state of one Tab walk through a page (traversal.ts): the stops recorded so far, the cycle being
// watched for traps, and the key presses. The forward pass, the trap probe (trap.ts) and the Shift+Tab pass
// (backward.ts) all act through it.
import type { Page } from 'puppeteer';
import type { Active } from '../../../rules-jis/page/keyboard/index.js';
import type { Budget } from './budget.js';
import type { NavigationGuard } from './guard.js';
import { KeySender, type KeyName } from './keys.js';
import { call } from './page-calls.js';
import { pixelCompare } from './pixels.js';
import type { GuardEvent, StopEvidence, TraversalArtifacts } from './types.js';

export interface TraversalOptions {
  maxTabs: number;
  /** Leave this much of the budget for what comes after (ms). */
  reserveMs: number;
  maxPixelChecks: number;
  /** The forward pass stops when this share of the budget is spent (the probes need the rest). */
  forwardShare: number;
  /** The Shift+Tab pass stops when this share of the budget is spent. */
  backwardShare: number;
  /** How many elements Tab can reach according to the DOM (from init). */
  tabbables: number;
}

/** What a traversal gives back: the artifacts, and the in-page id of each recorded stop (same order). */
export type Traversal = TraversalArtifacts & { ids: number[] };

export type Focused = Extract<Active, { none: false }>;

/** Tab presses spent inside one frame (iframe, media controls, date field) before we step past it. */
export const MAX_IN_FRAME = 40;

export class TabWalk {
  readonly art: Traversal;
  private readonly recorded = new Set<number>();
  /** id → position in `order` since the last reset of the cycle watch. */
  seen = new Map<number, number>();
  order: number[] = [];
  prevId: number | null = null;
  stuck = 0;
  frameStay = 0;
  /** The next recorded stop does not follow the previous one by a Tab press. */
  resumed = false;
  private pixelChecks = 0;

  constructor(
    readonly page: Page,
    readonly guard: NavigationGuard,
    readonly budget: Budget,
    readonly o: TraversalOptions,
    private readonly keys: KeySender,
    viewport: [number, number],
  ) {
    this.art = { stops: [], traps: [], tabbableCount: 0, completed: false, presses: 0, viewport: { width: viewport[0], height: viewport[1] }, ids: [] };
  }

  async press(key: KeyName, shift = false): Promise<void> {
    this.art.presses++;
    await this.budget.run(this.keys.press(key, shift));
  }

  activeId(): Promise<number | null> {
    return this.budget.run(call(this.page, 'activeId'));
  }

  /** Who has focus now, as the next stop would be numbered. */
  active(): Promise<Active> {
    return this.budget.run(call(this.page, 'active', this.art.stops.length + 1));
  }

  /** Forget the cycle being watched: what comes next is not compared with what came before. */
  restartCycle(prevId: number | null): void {
    this.seen = new Map();
    this.order = [];
    this.prevId = prevId;
    this.stuck = 0;
    this.resumed = true;
  }

  has(id: number): boolean {
    return this.recorded.has(id);
  }

  private push(id: number, ev: StopEvidence): void {
    this.recorded.add(id);
    this.art.ids.push(id);
    this.art.stops.push(ev);
  }

  /** An element that took focus and threw it away (F55): a stop of its own; Tab goes on from there. */
  recordSelfBlurred(a: Extract<Active, { none: true }>, events: GuardEvent[]): void {
    const { id, ...stop } = a.selfBlurred!;
    this.push(id, { stop: { ...stop, index: this.art.stops.length + 1 }, styleDiff: [], faintDiff: [], events, selfBlurred: true });
  }

  /** Notes a focused element in the cycle watch and, the first time, as a stop (with pixels where styles show nothing). */
  async record(a: Focused, events: GuardEvent[]): Promise<void> {
    this.prevId = a.id;
    this.stuck = 0;
    this.frameStay = 0;
    this.seen.set(a.id, this.order.length);
    this.order.push(a.id);
    if (this.recorded.has(a.id)) return;
    const ev: StopEvidence = {
      stop: { ...a.stop, index: this.art.stops.length + 1 },
      styleDiff: a.styleDiff,
      faintDiff: a.faintDiff,
      events,
      ...(a.frame ? { multiPart: true } : {}),
      ...(this.resumed ? { resumed: true } : {}),
    };
    this.resumed = false;
    this.push(a.id, ev);
    if (this.wantsPixels(a)) {
      this.pixelChecks++;
      ev.pixels = await pixelCompare(this.page, this.budget, a.id, a.viewRect, a.view, a.textEntry);
    }
  }

  private wantsPixels(a: Focused): boolean {
    return !a.frame && !a.styleDiff.length && a.stop.visible && this.pixelChecks < this.o.maxPixelChecks && this.budget.left() > this.o.reserveMs + 500;
  }

  /** Records whoever has focus now (after focus was moved for us), if anyone. */
  async recordCurrent(): Promise<void> {
    const next = await this.active();
    if (next.none) this.prevId = null;
    else await this.record(next, [...next.events, ...this.guard.take()]);
  }

  /** Events that came after the last stop belong to it. */
  addToLast(events: GuardEvent[]): void {
    if (events.length && this.art.stops.length) this.art.stops[this.art.stops.length - 1].events.push(...events);
  }
}
