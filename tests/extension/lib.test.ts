// @vitest-environment happy-dom
// The extension's pure parts: the contrast verdict, grouping, the judgement format, and the in-page aid helpers.
import { describe, expect, it } from 'vitest';
import { isLargeText, judgeContrast } from '../../rules-jis/page/contrast-verdict.js';
import { altLabel, collectHeadings, collectLandmarks, cssPath, locate, tabOrder } from '../../extension/lib/page-aids.js';
import { buildExport, exportFileName, pageKey } from '../../extension/lib/judgements.js';
import { singlePageResult } from '../../rules-jis/result.js';
import type { PageJudgement } from '../../rules-jis/judgements.js';
import { judgePage } from '../../rules-jis/verdict.js';
import type { InPageOutput } from '../../rules-jis/types.js';

describe('contrast', () => {
  // The ratio itself is axe's (rules-jis/page/contrast.ts, measured in the page: tests/extension/e2e.test.ts).
  it('judges WCAG ratios on the rounded figure', () => {
    expect(judgeContrast(4.54, false).passAA).toBe(true); // #767676 on white
    expect(judgeContrast(4.48, false).passAA).toBe(false); // #777777 on white
    expect(judgeContrast(2.996, true)).toMatchObject({ ratio: 3, passAA: true, passAAA: false }); // #959595, large
    expect(judgeContrast(21, false)).toMatchObject({ requiredAA: 4.5, requiredAAA: 7, passAAA: true });
  });

  it('knows large text', () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(18.66, 700)).toBe(true);
    expect(isLargeText(18.66, 400)).toBe(false);
    expect(isLargeText(16, 700)).toBe(false);
  });
});

describe('in-page aids', () => {
  it('computes tab order: positive tabindex first, skips disabled/negative/hidden inputs', () => {
    document.body.innerHTML = `
      <a href="/a" id="a">A</a>
      <button id="b" disabled>B</button>
      <input type="hidden" id="h">
      <input id="i">
      <span tabindex="-1" id="neg">x</span>
      <span tabindex="2" id="t2">x</span>
      <span tabindex="1" id="t1">x</span>
      <a id="noref">no href</a>
      <div inert><button id="inert">x</button></div>
      <details><summary id="s">more</summary></details>`;
    expect(tabOrder(document, () => true).map((e) => e.id)).toEqual(['t1', 't2', 'a', 'i', 's']);
  });

  it('collects headings (including role=heading) and landmarks', () => {
    document.body.innerHTML = `
      <header><h1>県</h1></header>
      <nav aria-label="メニュー"><h2>メニュー</h2></nav>
      <main><article><header id="inner"><h3>記事</h3></header></article>
        <div role="heading" aria-level="4">疑似見出し</div>
        <section aria-label="お知らせ"></section><section></section>
        <form></form><form aria-label="検索"></form>
      </main>
      <footer>フッター</footer>`;
    expect(collectHeadings(document).map((h) => `${h.item.level}:${h.item.text}`)).toEqual(['1:県', '2:メニュー', '3:記事', '4:疑似見出し']);
    expect(collectLandmarks(document).map((l) => `${l.item.role}${l.item.text ? `:${l.item.text}` : ''}`)).toEqual([
      'banner',
      'navigation:メニュー',
      'main',
      'region:お知らせ',
      'form:検索',
      'contentinfo',
    ]);
  });

  it('labels alt text: missing, decorative, text', () => {
    document.body.innerHTML = `<img id="m" src="a.png"><img id="e" alt="" src="a.png"><img id="t" alt="地図" src="a.png"><span role="img" id="r" aria-label="星"></span>`;
    const q = (id: string) => document.getElementById(id)!;
    expect(altLabel(q('m'))).toEqual({ text: 'alt属性なし', kind: 'missing' });
    expect(altLabel(q('e')).kind).toBe('empty');
    expect(altLabel(q('t'))).toEqual({ text: 'alt: 地図', kind: 'text' });
    expect(altLabel(q('r'))).toEqual({ text: '名前: 星', kind: 'text' });
  });

  it('builds selectors that find the element again', () => {
    document.body.innerHTML = `<div><p>a</p><p>b <span>x</span></p></div><p id="u">c</p>`;
    const span = document.querySelector('span')!;
    const sel = cssPath(span);
    expect(document.querySelector(sel)).toBe(span);
    expect(cssPath(document.getElementById('u')!)).toBe('#u');
    expect(locate(sel)?.el).toBe(span);
    expect(locate('#nope')).toBeNull();
    expect(locate('iframe >>> #x')).toBeNull();
  });
});

describe('result and judgement format', () => {
  const output: InPageOutput = {
    url: 'https://www.pref.example.jp/news/1.html#main',
    title: 't',
    lang: 'ja',
    axeVersion: '4.14.1',
    findings: [],
    ruleStats: [],
    facts: { inapplicable: {} },
  };

  it('the page verdict is exactly the shared judgePage', () => {
    const r = singlePageResult(output, 'Chrome');
    expect(r.pages[0].criteria).toEqual(judgePage({ findings: [], ruleStats: [], facts: { inapplicable: {} }, target: 'AA' }));
    expect(r).toMatchObject({ standard: 'JIS X 8341-3:2016', target: 'AA', tool: { name: 'jis-a11y', axeVersion: '4.14.1', browser: 'Chrome' } });
  });

  it('exports judgements sorted by criterion, with the result', () => {
    const j = (criterion: string): PageJudgement => ({
      criterion,
      result: 'pass',
      note: '',
      who: 'a',
      when: '2026-11-25T00:00:00.000Z',
      scope: { type: 'page', url: pageKey(output.url) },
    });
    const result = singlePageResult(output, 'Chrome');
    const exp = buildExport({ '2.4.10': j('2.4.10'), '1.3.1': j('1.3.1'), '2.4.6': j('2.4.6') }, result);
    expect(exp.format).toBe('jis-a11y-judgements');
    expect(exp.version).toBe(1);
    expect(exp.judgements.map((x) => x.criterion)).toEqual(['1.3.1', '2.4.6', '2.4.10']);
    expect(exp.judgements[0].scope).toEqual({ type: 'page', url: 'https://www.pref.example.jp/news/1.html' });
    expect(exp.result).toBe(result);
    expect(exportFileName(output.url, new Date('2026-11-25T12:00:00Z'))).toBe('jis-a11y-judgements-www.pref.example.jp-20261125.json');
  });
});
