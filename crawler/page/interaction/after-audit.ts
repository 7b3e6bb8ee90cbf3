// Plugs the keyboard/interaction phase into a page audit (auditLoaded/auditUrl `afterAudit`), so the
// crawler, `check` and the hook run it the same way, with a time budget per page.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import type { Finding, RuleStat } from '../../../rules-jis/types.js';
import { runInteractionPhase } from './index.js';
import { templateKeys, type InteractionSampler, type TemplateKeys } from './sampling.js';

export interface InteractionSetting {
  /** Hard time budget for the phase on one page (ms). */
  budgetMs: number;
  /** Where to save the numbered focus-order overlay (PNG named by `focusOverlayFile(url)`). */
  overlayDir?: string;
  /** Run the phase once per template × widget set (crawler); without it, on every page. */
  sampler?: InteractionSampler;
}

export const DEFAULT_INTERACTION_BUDGET_MS = 10_000;

/**
 * A page driven for its whole make-up gets this many times the budget: it stands for every page of that
 * make-up, and on a page with ~100 Tab stops 10 s ran out before the hover-menu probe (2.1.1) got to run.
 */
export const REPRESENTATIVE_BUDGET_FACTOR = 3;

/** The longest the phase may take on one page with this setting (0 when off), for callers' hard limits. */
export function interactionBudgetMs(setting: InteractionSetting | undefined): number {
  if (!setting) return 0;
  return setting.sampler ? setting.budgetMs * REPRESENTATIVE_BUDGET_FACTOR : setting.budgetMs;
}

/** File name of a page's focus-order overlay: stable per URL, so reports and re-runs find it. */
export function focusOverlayFile(url: string): string {
  return `${createHash('sha1').update(url).digest('hex').slice(0, 16)}.png`;
}

export function interactionAfterAudit(
  setting: InteractionSetting | undefined,
): ((page: Page, known?: TemplateKeys | null) => Promise<{ findings: Finding[]; ruleStats: RuleStat[] }>) | undefined {
  if (!setting) return undefined;
  return async (page, known) => {
    const url = page.url();
    const keys = setting.sampler ? (known ?? (await templateKeys(page).catch(() => null))) : null;
    // a page like one already driven keeps the static verdicts for these criteria (review at best, never pass)
    if (keys && setting.sampler!.claim(keys, url) !== null) return { findings: [], ruleStats: [] };
    let overlayPath: string | undefined;
    if (setting.overlayDir) {
      mkdirSync(setting.overlayDir, { recursive: true });
      overlayPath = path.join(setting.overlayDir, focusOverlayFile(url));
    }
    const r = await runInteractionPhase(page, {
      // a page driven for its whole template × widget set (sampler set) gets the larger budget
      budgetMs: keys ? interactionBudgetMs(setting) : setting.budgetMs,
      overlayPath,
    });
    if (keys && !r.ruleStats.length) setting.sampler!.release(keys, url);
    return { findings: r.findings, ruleStats: r.ruleStats };
  };
}
