// Incremental audits: a re-crawl into the same store reuses the stored result of a page whose served HTML
// and assets are unchanged (no browser work for it), audits changed pages again, and `incremental: false`
// (the CLI's --full) audits every page.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { gatherPage } from '../../crawler/page/gather-page.js';
import { openStore } from '../../crawler/store/store.js';
import { startSite, type Site } from '../../bench/site-generator.js';

let site: Site;
let dir: string;

beforeAll(async () => {
  site = await startSite({ pages: 3 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-incremental-'));
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(incremental = true): Promise<{ runId: number; gathered: string[] }> {
  const gathered: string[] = [];
  const config = mergeConfig({ startUrls: [site.urls[0]!], output: { dir }, incremental, checkDocuments: false, interaction: { enabled: false } });
  const out = await runCrawl(config, {
    hooks: {
      gather: (page, url, opts) => {
        gathered.push(url);
        return gatherPage(page, url, opts);
      },
    },
  });
  return { runId: out.runId, gathered: gathered.sort() };
}

async function snapshot(runId: number) {
  const store = await openStore(path.join(dir, 'jis-a11y.sqlite'), { readonly: true });
  try {
    const out = [];
    for await (const p of store.results.iteratePages(runId)) {
      const findings = (await store.results.findingsOfPage(p.id)).filter((f) => f.source !== 'site').map((f) => `${f.ruleId} ${f.kind} ${f.selector}`);
      out.push({ url: p.url, hash: p.contentHash, criteria: await store.results.pageAuditCriteria(p.id), findings });
    }
    return out.sort((a, b) => a.url.localeCompare(b.url));
  } finally {
    await store.close();
  }
}

describe('incremental audits', () => {
  it('reuses unchanged pages, re-audits changed ones, and audits all with incremental: false', async () => {
    const first = await crawl();
    expect(first.gathered).toHaveLength(3);

    const again = await crawl();
    expect(again.gathered).toEqual([]); // nothing changed: no page opened in the browser
    expect(await snapshot(again.runId)).toEqual(await snapshot(first.runId)); // same results as the real audit

    site.touchPages([1]);
    const changed = await crawl();
    expect(changed.gathered).toEqual([site.urls[1]]);

    site.touchAssets(); // the shared stylesheet changed: every page depends on it
    const assets = await crawl();
    expect(assets.gathered).toHaveLength(3);

    const full = await crawl(false);
    expect(full.gathered).toHaveLength(3);
  }, 240_000);
});
