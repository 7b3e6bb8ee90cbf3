// The end of the keyboard phase: put the page back as it was (original document, no helpers, focus and
// scroll), disarm the guard, release mouse and Shift. Its own small time allowance, so a hung page still
// lets the phase return; a page that did not answer one step is not asked again.
import type { Page } from 'puppeteer';
import { BudgetExceeded, withinMs } from './budget.js';
import type { NavigationGuard } from './guard.js';

export interface TeardownOutcome {
  /** The document had been replaced and was put back. */
  restored: boolean;
}

/** Runs the teardown steps until `deadline` (epoch ms); problems go to `errors`. */
export async function teardown(page: Page, guard: NavigationGuard, deadline: number, errors: string[]): Promise<TeardownOutcome> {
  let pageAlive = true;
  let restored = false;
  const step = async (name: string, run: () => Promise<unknown>, needsPage = true) => {
    if (needsPage && !pageAlive) return;
    const ms = deadline - Date.now();
    if (ms <= 0) {
      errors.push(`teardown: no time left for ${name}`);
      return;
    }
    try {
      await withinMs(run(), ms);
    } catch (e) {
      errors.push(`teardown ${name}: ${String(e)}`);
      // a page that did not answer in time will not answer the next call either
      if (e instanceof BudgetExceeded) pageAlive = false;
    }
  };
  if (guard.leftPage) {
    await step('restore', async () => {
      restored = await guard.restore(Math.max(100, Math.min(4000, deadline - Date.now())));
    });
  } else {
    // helpers, listeners, wrappers and axe's tree go; focus and scroll position come back (rules-jis/page/keyboard/session.ts)
    await step('cleanup', () => page.evaluate(() => window.jisA11y?.keyboard?.cleanup()));
  }
  await step('disarm', () => guard.disarm(), false);
  await step('mouse', () => page.mouse.move(0, 0));
  // a budget stop between Shift down and up would leave Shift held for whoever uses the page next
  await step('keyboard', () => page.keyboard.up('Shift'));
  return { restored };
}
