// Shapes of the interaction phase (keyboard / interaction checks driven by puppeteer).
// Gather (browser) produces artifacts; each check in checks/ judges them (Lighthouse style).
import type { Finding, RuleStat } from '../../../rules-jis/types.js';
import type { PageEvent } from '../../../rules-jis/page/keyboard/index.js';
import type { Rect, StopInfo } from '../../../rules-jis/page/keyboard/stops.js';

/** A rectangle in document (page) coordinates, CSS px. */
export type Box = Rect;

/**
 * One stop of the Tab sequence, as the page reports it (rules-jis/page/keyboard/stops.ts): 1-based index,
 * selector, tag, role, a short name for the report, the box while focused (document coordinates), the tabindex
 * as written (null when absent), and whether it was visible while focused (with the reason when not).
 */
export type FocusStop = StopInfo;

/** What the in-page helper reports about the focused element, beyond the stop itself. */
export interface StopEvidence {
  stop: FocusStop;
  /** Computed-style differences focused vs not, e.g. ["outline", "box-shadow"]. */
  styleDiff: string[];
  /** Differences judged too faint to see (e.g. a tiny colour change). */
  faintDiff: string[];
  /** Pixel comparison when styles gave no visible difference; undefined when not needed/not done. */
  pixels?: { inBox: number; boxArea: number; elsewhere: number; textEntry: boolean };
  /** Navigation, new window or submit seen right after focus moved here. */
  events: GuardEvent[];
  /** Reached after the traversal restarted or stepped past a trap: not a real Tab move from the previous stop. */
  resumed?: boolean;
  /** Tab moves through parts of it (iframe, media controls, date fields) while activeElement stays on it. */
  multiPart?: boolean;
  /** The element removed focus from itself when focused (F55). */
  selfBlurred?: boolean;
}

/** Navigation, popup, submit or window.open: recorded by the guard (guard.ts) and the page (rules-jis/page/keyboard/session.ts). */
export type GuardEvent = PageEvent;

export interface TrapEvidence {
  /** Stops (selectors) focus kept cycling in / stuck on. */
  selectors: string[];
  html: string;
  direction: 'forward' | 'backward';
  /** Pressing Tab the other way round (Shift+Tab for a forward trap) got out. */
  otherDirection: boolean;
  /** Escape released focus (the modal pattern): not a trap. */
  escapeReleased: boolean;
  /** The page's text tells of another key to get out (e.g. "Ctrl+M で抜けます"): 2.1.2 allows that. */
  exitKeyAdvised?: boolean;
}

export interface TraversalArtifacts {
  stops: StopEvidence[];
  traps: TrapEvidence[];
  /** Number of elements that can take focus by Tab according to the DOM (before traversal). */
  tabbableCount: number;
  /** Forward traversal reached the end of the document (or wrapped). */
  completed: boolean;
  presses: number;
  viewport: { width: number; height: number };
}

export interface InteractionOptions {
  /** Hard time budget for the whole phase, ms (default 10 000). */
  budgetMs?: number;
  /** Write the focus-order overlay PNG here too. */
  overlayPath?: string;
  /** Make the overlay image (default true). */
  overlay?: boolean;
  /** Upper bound of Tab presses in the forward pass (default 300; it also stops at 60 % of the budget). */
  maxTabs?: number;
  /** Upper bound of form controls changed for 3.2.2 (default 20). */
  maxInputs?: number;
  /** Upper bound of custom controls probed with Enter/Space for 2.1.1 (default 20). */
  maxProbes?: number;
  /** Upper bound of accordion headers clicked, tooltips hovered and dialogs opened, each (default 5). */
  maxClicks?: number;
  /** Run the 200% text pass for 1.4.4 (default true). */
  zoom?: boolean;
  /**
   * Set when the caller already runs request interception on this page: the phase then adds a cooperative
   * handler (priority 0) and does not switch interception on or off.
   */
  requestInterceptionEnabled?: boolean;
}

export interface InteractionResult {
  findings: Finding[];
  ruleStats: RuleStat[];
  focusOrder: FocusStop[];
  overlayPng?: Buffer;
  elapsedMs: number;
  /** The budget ran out: checks not in ruleStats did not run (treat as untested). */
  timedOut: boolean;
  /** The forward Tab pass reached the end of the page (false: maxTabs or the budget stopped it first). */
  traversalComplete: boolean;
  /** The page was navigated away at some point and put back (goBack / reload / setContent). */
  restored: boolean;
  /** Where the time went, ms per step (setup, traversal, overlay, on-input, keyboard-operable, teardown). */
  timings: Record<string, number>;
  /** Problems the phase hit (not findings), for logs. */
  errors: string[];
}
