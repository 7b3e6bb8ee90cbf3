// Where one pre-publish check spends its time, measured in-process with the service's own parts (the
// Sandbox browser and the fence, crawler/hook/): browser context, new page, navigation (the submitted HTML
// answered by the fence, then the site's CSS, font and images), bundle + audit, discard of the context; and,
// on a page already loaded, the bundle injection alone vs the audit run alone. Used by bench/service-load.ts.
import type { BrowserContext, Page } from 'puppeteer';
import { auditFenced } from '../crawler/hook/fence.js';
import { Sandbox } from '../crawler/hook/sandbox.js';
import { ensureBundleEverywhere } from '../crawler/page/inject.js';

export interface ProfileOptions {
  origin: string;
  html: string;
  baseUrl: string;
  checks: number;
}

type Phase = 'context' | 'newPage' | 'navigation' | 'audit' | 'discard' | 'total';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The context with `newPage` timed: when the page was made, and when its load event fired. */
function timedContext(ctx: BrowserContext, marks: Partial<Record<'page' | 'load', number>>): BrowserContext {
  return new Proxy(ctx, {
    get(target, prop) {
      if (prop === 'newPage')
        return async () => {
          const p = await target.newPage();
          marks.page = performance.now();
          p.once('load', () => (marks.load = performance.now()));
          return p;
        };
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

async function oneCheck(sandbox: Sandbox, o: ProfileOptions): Promise<Record<Phase, number>> {
  const t0 = performance.now();
  const marks: Partial<Record<'ctx' | 'page' | 'load' | 'audited', number>> = {};
  await sandbox.run(
    async (ctx) => {
      marks.ctx = performance.now();
      const r = await auditFenced(timedContext(ctx, marks), { kind: 'html', html: o.html, baseUrl: o.baseUrl }, { allowedOrigins: [o.origin], target: 'AA' });
      marks.audited = performance.now();
      return r;
    },
    60_000,
  );
  const end = performance.now();
  return {
    context: marks.ctx! - t0,
    newPage: marks.page! - marks.ctx!,
    navigation: marks.load! - marks.page!,
    audit: marks.audited! - marks.load!,
    discard: end - marks.audited!,
    total: end - t0,
  };
}

/** On a page with the HTML already set (no network): the bundle injection alone, then the run alone. */
async function injectVsRun(sandbox: Sandbox, html: string): Promise<{ inject: number; run: number }> {
  return sandbox.run(async (ctx) => {
    const page: Page = await ctx.newPage();
    await page.setContent(html.replace(/<link[^>]+>|<script[^>]*><\/script>/g, ''), { waitUntil: 'load' });
    const t0 = performance.now();
    await ensureBundleEverywhere(page);
    const t1 = performance.now();
    await page.evaluate(() => (window as unknown as { jisA11y: { run(o: object): Promise<unknown> } }).jisA11y.run({}));
    return { inject: t1 - t0, run: performance.now() - t1 };
  }, 60_000);
}

export async function profileChecks(o: ProfileOptions): Promise<Record<string, number>> {
  const sandbox = new Sandbox({ allowedOrigins: [o.origin] });
  try {
    await oneCheck(sandbox, o); // browser launch
    const rows: Record<Phase, number>[] = [];
    for (let i = 0; i < o.checks; i++) rows.push(await oneCheck(sandbox, o));
    const split: { inject: number; run: number }[] = [];
    for (let i = 0; i < Math.min(o.checks, 5); i++) split.push(await injectVsRun(sandbox, o.html));
    const out: Record<string, number> = {};
    for (const k of ['context', 'newPage', 'navigation', 'audit', 'discard', 'total'] as Phase[]) out[k] = median(rows.map((r) => r[k]));
    out['audit: bundle injection'] = median(split.map((s) => s.inject));
    out['audit: run (axe + JIS rules)'] = median(split.map((s) => s.run));
    console.log('');
    console.log(`one check, in-process, sequential (median of ${o.checks}; ms):`);
    for (const [k, v] of Object.entries(out)) console.log(`  ${k.padEnd(30)} ${v.toFixed(0)}`);
    return out;
  } finally {
    await sandbox.close();
  }
}
