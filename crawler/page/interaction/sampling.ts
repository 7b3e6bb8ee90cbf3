// The keyboard phase once per template and widget kind, not once per page (issue 19; bench/interaction-cost.ts:
// the phase costs several seconds a page, 15–30 ms per Tab stop). Pages built from one CMS template behave the
// same under the keyboard where their content holds widget kinds already driven: the phase runs on the pages that
// bring a new template or a new kind, and the others keep the static audit's verdicts for those criteria (review,
// never pass). JIS X 8341-3 testing samples pages the same way (JB.1.2). What counts is page code:
// rules-jis/page/template-identity.ts (bench/template-identity.ts scores it against true layouts).
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';
import { ensureBundle } from '../inject.js';

/** The page's template and widget-set hashes, and the widget kinds the set is made of. */
export interface TemplateKeys {
  template: string;
  widgets: string;
  /** Each script and widget kind of the page's content (rules-jis/page/template-identity.ts); absent when unread. */
  kinds?: string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** The kinds in a widgets string: `[scripts, widgetSet]` as template-identity.ts writes it. */
export function widgetKinds(widgets: string): string[] | undefined {
  try {
    const [scripts, set] = JSON.parse(widgets) as [string[], string[]];
    return [...scripts.map((s) => 'script|' + s), ...set];
  } catch {
    return undefined;
  }
}

/** Hashes of the page's template identity (run in the page by the bundle). */
export async function templateKeys(page: Page): Promise<TemplateKeys> {
  if (!(await ensureBundle(page.mainFrame()))) throw new Error('the page cannot run the bundle');
  const id = await page.evaluate(() => window.jisA11y!.templateIdentity());
  return { template: sha(id.skeleton), widgets: sha(id.widgets), kinds: widgetKinds(id.widgets) };
}

export type InteractionScope = 'per-makeup' | 'every-page';

/**
 * Which template and widget kinds this run has already driven with the keyboard, and on which page. A page is
 * driven when its template is new or its content holds a widget kind (or script) not yet driven in that template;
 * a page whose every kind was driven on earlier pages of its template is covered by them. Kinds, not their
 * combinations: an article with a tab panel and an accordion behaves as the two already driven apart did, and
 * combinations grow with the number of pages (33 passes on 120 pages of the varied site) while kinds do not.
 */
export class InteractionSampler {
  /** template → kind → the page that drove it. */
  private driven = new Map<string, Map<string, string>>();
  skipped = 0;

  private kindsOf(keys: TemplateKeys): string[] {
    // unread kinds: the whole set as one kind (the page is covered only by a page with the same set)
    return [' template', ...(keys.kinds ?? ['set ' + keys.widgets])];
  }

  /** Claims a page's keys for `url`: null when the phase should run, else the page that already covers it. */
  claim(keys: TemplateKeys, url: string): string | null {
    const seen = this.driven.get(keys.template) ?? new Map<string, string>();
    const kinds = this.kindsOf(keys);
    const fresh = kinds.filter((k) => !seen.has(k));
    if (!fresh.length) {
      this.skipped++;
      return seen.get(' template')!;
    }
    for (const k of fresh) seen.set(k, url);
    this.driven.set(keys.template, seen);
    return null;
  }

  /** The page's claim is given up (the phase did not get to run), so the next page with those kinds runs it. */
  release(keys: TemplateKeys, url: string): void {
    const seen = this.driven.get(keys.template);
    if (!seen) return;
    for (const [k, by] of seen) if (by === url) seen.delete(k);
    if (!seen.size) this.driven.delete(keys.template);
  }

  /** Pages driven so far (each page that drove a kind; read once at the end of a crawl). */
  get makeups(): number {
    return new Set([...this.driven.values()].flatMap((kinds) => [...kinds.values()])).size;
  }
}
