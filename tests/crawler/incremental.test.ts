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
import { openStore } from '../../crawler/store/crawl-store.js';
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

function snapshot(runId: number) {
  const store = openStore(path.join(dir, 'jis-a11y.sqlite'), { readonly: true });
  try {
    return store
      .pagesOfRun(runId)
      .map((p) => ({ url: p.url, hash: p.contentHash, criteria: store.pageAuditCriteria(p.id), findings: store.findingsOfPage(p.id).filter((f) => f.source !== 'site').map((f) => `${f.ruleId} ${f.kind} ${f.selector}`) }))
      .sort((a, b) => a.url.localeCompare(b.url));
  } finally {
    store.close();
  }
}

describe('incremental audits', () => {
  it('reuses unchanged pages, re-audits changed ones, and audits all with incremental: false', async () => {
    const first = await crawl();
    expect(first.gathered).toHaveLength(3);

    const again = await crawl();
    expect(again.gathered).toEqual([]); // nothing changed: no page opened in the browser
    expect(snapshot(again.runId)).toEqual(snapshot(first.runId)); // same results as the real audit

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
