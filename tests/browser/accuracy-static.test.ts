// Issue 17 (accuracy, round two), the static half: the concrete defects, each on pages of our own, audited end to
// end in real headless Chromium (navigation, served source, bundle, verdict) as `check` and the crawl do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUrl } from '../../crawler/page/audit-page.js';
import { interactionAfterAudit } from '../../crawler/page/interaction/after-audit.js';
import type { Finding, PageResult } from '../../rules-jis/types.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

let auditor: Auditor;
beforeAll(async () => {
  auditor = await createAuditor();
});
afterAll(async () => {
  await auditor?.close();
});

/** Serve `html` at `path` and audit it; `keyboard` also runs the keyboard phase, as `check` does by default. */
async function auditAt(path: string, html: string, keyboard = false): Promise<PageResult> {
  auditor.server.set(path, html);
  const page = await auditor.browser.newPage();
  try {
    const { result } = await auditUrl(page, auditor.server.url + path, keyboard ? { afterAudit: interactionAfterAudit({ budgetMs: 8000 }) } : {});
    expect(result.error).toBeUndefined();
    return result;
  } finally {
    await page.close();
  }
}

const of = (r: PageResult, ruleId: string): Finding[] => r.findings.filter((f) => f.ruleId === ruleId);
const outcome = (r: PageResult, id: string) => r.criteria.find((c) => c.id === id)?.outcome;

const siteTitled = (title: string, body: string) => jaPage(body, { title });
const LOGO = (href: string) => `<header><a href="${href}"><img src="/logo.png" alt="ひばり県" width="200" height="40"></a></header>`;

describe('2.4.2: a site name alone is the right title for the top page', () => {
  it.each([
    ['/', ''],
    ['/index.html', ''],
    ['/top.html', ''],
    ['/portal/', LOGO('/portal/')],
    ['/portal/index.html', LOGO('/portal/')],
    ['/city/', LOGO('/city/')],
  ])('the top page at %s titled 「ひばり県」 gets nothing', async (path, header) => {
    const r = await auditAt(path, siteTitled('ひばり県', `${header}<h1>ひばり県へようこそ</h1><p>県からのお知らせです。</p>`));
    expect(of(r, 'jis-title-placeholder')).toEqual([]);
  });

  it('「かわせ市公式ホームページ」 at /portal/ with no links to the root is the top page', async () => {
    const r = await auditAt('/portal/', siteTitled('かわせ市公式ホームページ', '<h1>かわせ市</h1><p><a href="/portal/kurashi/">くらし</a></p>'));
    expect(of(r, 'jis-title-placeholder')).toEqual([]);
  });

  it('below the top, the site name alone is a review (not a violation), and 2.4.2 is not failed by it', async () => {
    const body = `${LOGO('/')}<nav aria-label="パンくずリスト"><a href="/">ホーム</a> &gt; <a href="/kurashi/">くらし</a></nav><h1>ごみの出し方</h1><p>ごみは朝8時までに出してください。</p>`;
    const r = await auditAt('/kurashi/gomi.html', siteTitled('ひばり県', body));
    const f = of(r, 'jis-title-placeholder');
    expect(f.map((x) => x.kind)).toEqual(['review']);
    expect(f[0].message).toMatch(/サイト名だけ/);
    expect(outcome(r, '2.4.2')).toBe('review');
  });

  it('a /top.html page whose logo leads to / is below the top', async () => {
    const r = await auditAt('/kurashi/top.html', siteTitled('かわせ市公式ホームページ', `${LOGO('/')}<h1>くらし</h1><p>くらしの情報です。</p>`));
    expect(of(r, 'jis-title-placeholder').map((x) => x.kind)).toEqual(['review']);
  });

  it('a placeholder title is still a violation on the top page', async () => {
    const r = await auditAt('/', siteTitled('無題ドキュメント', '<h1>ひばり県</h1><p>ようこそ。</p>'));
    expect(of(r, 'jis-title-placeholder').map((x) => x.kind)).toEqual(['violation']);
  });
});

describe('2.4.3: a positive tabindex is found on every page, without driving it', () => {
  // no stylesheet, no script: a skip link and two plain links around the offender
  const minimal = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>お知らせ | ひばり県</title></head>
<body><a href="#main">本文へ移動</a>
<main id="main"><h1>お知らせ</h1>
<p><a href="/a.html">申請の手続き</a> <a href="/b.html" tabindex="5">窓口の案内</a> <a href="/c.html">よくある質問</a></p></main>
</body></html>`;

  it('the static rule reports it as a 2.4.3 violation and 2.4.3 fails', async () => {
    const r = await auditAt('/tabindex-min.html', minimal);
    const f = of(r, 'tabindex');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'violation', source: 'axe', criteria: ['2.4.3'] });
    expect(f[0].html).toContain('tabindex="5"');
    expect(outcome(r, '2.4.3')).toBe('fail');
  });

  it('with the keyboard phase (as `check` runs) the element is reported once', async () => {
    const r = await auditAt('/tabindex-min-kb.html', minimal, true);
    const onIt = r.findings.filter((f) => f.criteria.includes('2.4.3') && f.kind === 'violation');
    expect(onIt.map((f) => f.ruleId)).toEqual(['tabindex']);
    expect(outcome(r, '2.4.3')).toBe('fail');
  });

  it('tabindex 0 and -1 are fine', async () => {
    const r = await auditAt('/tabindex-ok.html', jaPage('<p><a href="/a.html">申請</a> <span tabindex="0" role="button">開く</span> </p><div tabindex="-1" id="t">本文</div>'));
    expect(of(r, 'tabindex')).toEqual([]);
  });
});

describe('1.4.1 / 1.3.3: a colour with a part of the page, without の', () => {
  it.each(['<p>入力が終わったら、下の赤いボタンを押してください。</p>', '<p>緑色のアイコンをクリックすると地図が開きます。</p>'])('%s is a review', async (body) => {
    const r = await auditAt(`/colour-${body.length}.html`, jaPage(body));
    const f = of(r, 'jis-colour-instruction');
    expect(f.map((x) => x.kind)).toEqual(['review']);
    expect(f[0].criteria).toEqual(['1.4.1', '1.3.3']);
  });

  it('「赤い羽根共同募金」 is a name, not an instruction', async () => {
    const r = await auditAt('/colour-name.html', jaPage('<p>赤い羽根共同募金にご協力をお願いします。青い鳥文庫の読み聞かせもあります。</p>'));
    expect(of(r, 'jis-colour-instruction')).toEqual([]);
  });
});
