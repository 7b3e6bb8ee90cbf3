// Issue 17, round two: an HTTP `Refresh` header that reloads or moves the page after a delay (F40/F41, 2.2.1) is the
// same finding as <meta http-equiv="refresh">, in `check` (auditUrl), the crawl (gatherPage) and the hook (the
// fenced audit of a URL): the header is in the navigation response, which each of them reads. A local server sends
// the headers; `Refresh: 0; url=…` is a redirect and no finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUrl } from '../../crawler/page/audit-page.js';
import { gatherPage } from '../../crawler/page/gather-page.js';
import { auditFenced } from '../../crawler/hook/fence.js';
import { parseRefresh } from '../../rules-jis/source/refresh-header.js';
import type { Finding, PageResult } from '../../rules-jis/types.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

let auditor: Auditor;
const page = (h1: string) => jaPage(`<h1>${h1}</h1><p>このページは移転しました。新しいページをご覧ください。</p>`, { title: `${h1} | ひばり県` });

beforeAll(async () => {
  auditor = await createAuditor();
  auditor.server.set('/moved.html', { body: page('移転のお知らせ'), headers: { refresh: '30; url=/new/index.html' } });
  auditor.server.set('/reload.html', { body: page('混雑状況'), headers: { refresh: '60' } });
  auditor.server.set('/redirect.html', { body: page('転送'), headers: { refresh: '0; url=/new/index.html' } });
  auditor.server.set('/daily.html', { body: page('日ごとの更新'), headers: { refresh: '86400' } });
  auditor.server.set('/plain.html', page('お知らせ'));
  auditor.server.set('/new/index.html', page('新しいページ'));
});
afterAll(async () => {
  await auditor?.close();
});

const of = (r: PageResult, ruleId: string): Finding[] => r.findings.filter((f) => f.ruleId === ruleId);
const outcome = (r: PageResult, id: string) => r.criteria.find((c) => c.id === id)?.outcome;

async function checkPage(path: string): Promise<PageResult> {
  const tab = await auditor.browser.newPage();
  try {
    const { result } = await auditUrl(tab, auditor.server.url + path);
    expect(result.error).toBeUndefined();
    return result;
  } finally {
    await tab.close();
  }
}

describe('the Refresh header value', () => {
  it('reads the delay and the target in the forms servers send', () => {
    expect(parseRefresh('30; url=/new/')).toEqual({ delay: 30, url: '/new/' });
    expect(parseRefresh("5, URL='https://www.example.lg.jp/'")).toEqual({ delay: 5, url: 'https://www.example.lg.jp/' });
    expect(parseRefresh('60')).toEqual({ delay: 60, url: null });
    expect(parseRefresh('soon')).toBeNull();
  });
});

describe('check: the Refresh header is judged as meta refresh is (2.2.1)', () => {
  it('Refresh: 30; url=… is a 2.2.1 violation naming the header, the delay and where it goes', async () => {
    const r = await checkPage('/moved.html');
    const f = of(r, 'http-refresh');
    expect(f.map((x) => [x.kind, x.criteria])).toEqual([['violation', ['2.2.1']]]);
    expect(f[0].message).toContain('Refresh: 30; url=/new/index.html');
    expect(f[0].message).toMatch(/30 秒後に別のページ（\/new\/index\.html）へ自動で移動します/);
    expect(outcome(r, '2.2.1')).toBe('fail');
  });

  it('Refresh: 60 (no url) reloads the page: the same violation', async () => {
    const r = await checkPage('/reload.html');
    const f = of(r, 'http-refresh');
    expect(f.map((x) => x.kind)).toEqual(['violation']);
    expect(f[0].message).toMatch(/60 秒後にページが自動で再読み込みされます/);
  });

  it('Refresh: 0; url=… is a redirect, a delay of 20 hours or more is allowed, and no header is nothing', async () => {
    for (const path of ['/redirect.html', '/daily.html', '/plain.html']) {
      const r = await checkPage(path);
      expect(of(r, 'http-refresh'), path).toEqual([]);
    }
  });

  it('the criteria are those axe gives meta-refresh, so both doors judge the same', async () => {
    const r = await auditor.audit(jaPage('<h1>移転</h1><p>移転しました。</p>', { head: '<meta http-equiv="refresh" content="30; url=/new/index.html">' }));
    const meta = of(r, 'meta-refresh');
    expect(meta.length).toBe(1);
    expect(of(await checkPage('/moved.html'), 'http-refresh')[0].criteria).toEqual(meta[0].criteria);
  });
});

describe('the crawl and the hook read the header too', () => {
  it('the crawl (gatherPage) finds it', async () => {
    const tab = await auditor.browser.newPage();
    try {
      const g = await gatherPage(tab, auditor.server.url + '/moved.html', { target: 'AA', navigationTimeoutMs: 20_000, auditTimeoutMs: 30_000, maxPageBytes: 5_000_000 });
      expect(g.error).toBeNull();
      expect(of(g.result!, 'http-refresh').map((x) => x.kind)).toEqual(['violation']);
    } finally {
      await tab.close();
    }
  });

  it('the hook (the fenced audit of a URL) finds it', async () => {
    const context = await auditor.browser.createBrowserContext();
    try {
      const a = await auditFenced(context, { kind: 'url', url: auditor.server.url + '/moved.html' }, { allowedOrigins: [auditor.server.url] });
      expect(of(a.result, 'http-refresh').map((x) => x.kind)).toEqual(['violation']);
    } finally {
      await context.close();
    }
  });
});
