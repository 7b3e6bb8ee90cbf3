// What an active check (one that presses keys or changes values) gets to work with.
import type { Page } from 'puppeteer';
import type { Budget } from './budget.js';
import type { NavigationGuard } from './guard.js';

export interface ProbeContext {
  page: Page;
  budget: Budget;
  guard: NavigationGuard;
  /** Leave this much of the budget for teardown (ms). */
  reserveMs: number;
  maxInputs: number;
  maxProbes: number;
  /** Upper bound of real mouse clicks / hovers per probe (accordion headers, tooltips, dialogs). */
  maxClicks: number;
  /** In-page ids of the elements the Tab traversal reached. */
  reachedIds: number[];
  /** The document was replaced: restore it and reinstall the helper. */
  recover(): Promise<void>;
}
