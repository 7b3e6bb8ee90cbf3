// The keyboard phase once per template × widget set, not once per page (issue 19; bench/interaction-cost.ts:
// the phase costs several seconds a page, 15–30 ms per Tab stop). Pages built from one CMS template, whose
// content holds the same kinds of interactive widgets, behave the same under the keyboard: the phase runs on the
// first page of each pair, and the others keep the static audit's verdicts for those criteria (review, never
// pass). JIS X 8341-3 testing samples pages the same way (JB.1.2). What counts is page code:
// rules-jis/page/template-identity.ts (bench/template-identity.ts scores it against true layouts).
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';
import { ensureBundle } from '../inject.js';

/** The page's template and widget-set hashes. */
export interface TemplateKeys {
  template: string;
  widgets: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Hashes of the page's template identity (run in the page by the bundle). */
export async function templateKeys(page: Page): Promise<TemplateKeys> {
  if (!(await ensureBundle(page.mainFrame()))) throw new Error('the page cannot run the bundle');
  const id = await page.evaluate(() => window.jisA11y!.templateIdentity());
  return { template: sha(id.skeleton), widgets: sha(id.widgets) };
}

export type InteractionScope = 'per-makeup' | 'every-page';

/** Which template × widget sets this run has already driven with the keyboard, and on which page. */
export class InteractionSampler {
  private seen = new Map<string, string>();
  skipped = 0;

  /** Claims a page's keys for `url`: null when the phase should run, else the page that already covers it. */
  claim(keys: TemplateKeys, url: string): string | null {
    const k = `${keys.template} ${keys.widgets}`;
    const first = this.seen.get(k);
    if (first !== undefined) {
      this.skipped++;
      return first;
    }
    this.seen.set(k, url);
    return null;
  }

  /** The page's claim is given up (the phase did not get to run), so the next page of those keys runs it. */
  release(keys: TemplateKeys, url: string): void {
    const k = `${keys.template} ${keys.widgets}`;
    if (this.seen.get(k) === url) this.seen.delete(k);
  }

  /** Template × widget sets driven so far (one page each). */
  get makeups(): number {
    return this.seen.size;
  }
}
