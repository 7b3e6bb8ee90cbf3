// A page that replaces its document after `load` (Refresh: 0, a zero-delay meta refresh, location.replace in a
// load handler) is audited where the user ends up, in `check` and in the crawl; a page that never stops moving
// is a clear redirect-loop error, not "Cannot read properties of undefined". The pages here move the moment the
// bundle appears in them, so the move always falls inside the audit (the race the CI once lost by chance).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUrl } from '../../crawler/page/audit-page.js';
import { gatherPage } from '../../crawler/page/gather-page.js';
import { MAX_DOCUMENT_MOVES } from '../../crawler/page/final-document.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

let auditor: Auditor;
/** Moves to `target` as soon as the auditor's bundle is in the page. */
const moveOnAudit = (target: string) =>
  `<script>const t = setInterval(() => { if (window.jisA11y) { clearInterval(t); location.replace(${target}); } }, 5);</script>`;

beforeAll(async () => {
  auditor = await createAuditor();
  auditor.server.set('/moves.html', jaPage(`<h1>転送</h1><p>新しいページへ移動します。</p>${moveOnAudit("'/new/index.html'")}`, { title: '転送 | ひばり県' }));
  auditor.server.set('/new/index.html', jaPage('<h1>新しいページ</h1><p>地図です。</p><img src="/map.png"><a href="/new/next.html">次へ</a>', { title: '新しいページ | ひばり県' }));
  auditor.server.set('/loop.html', jaPage(`<h1>転送</h1>${moveOnAudit("'/loop.html?' + Date.now()")}`, { title: '転送 | ひばり県' }));
});
afterAll(async () => {
  await auditor?.close();
});

const opts = { target: 'AA' as const, navigationTimeoutMs: 20_000, auditTimeoutMs: 30_000, maxPageBytes: 5_000_000 };

describe('a page that moves after load', () => {
  it('check audits the page it moves to (its image without alt is found), without an error', async () => {
    const tab = await auditor.browser.newPage();
    try {
      const { result } = await auditUrl(tab, auditor.server.url + '/moves.html');
      expect(result.error).toBeUndefined();
      expect(result.url).toBe(auditor.server.url + '/new/index.html');
      expect(result.findings.some((f) => f.ruleId === 'image-alt' && f.kind === 'violation')).toBe(true);
    } finally {
      await tab.close();
    }
  });

  it("the crawl keeps the moved-to page's findings and links", async () => {
    const tab = await auditor.browser.newPage();
    try {
      const g = await gatherPage(tab, auditor.server.url + '/moves.html', opts);
      expect(g.error).toBeNull();
      expect(g.result!.findings.some((f) => f.ruleId === 'image-alt')).toBe(true);
      expect(g.links.map((l) => l.href)).toContain(auditor.server.url + '/new/next.html');
    } finally {
      await tab.close();
    }
  });

  it(`a page that keeps moving is a redirect-loop error after ${MAX_DOCUMENT_MOVES} moves, and check goes on`, async () => {
    const tab = await auditor.browser.newPage();
    try {
      const { result } = await auditUrl(tab, auditor.server.url + '/loop.html');
      expect(result.error?.code).toBe('redirect-loop');
      expect(result.error?.message).toMatch(/自動で別のページへ移動し続ける/);
      const next = await auditUrl(tab, auditor.server.url + '/new/index.html');
      expect(next.result.error).toBeUndefined();
    } finally {
      await tab.close();
    }
  });
});
