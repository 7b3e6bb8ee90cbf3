// The escaping template every report is written with (reports/html.ts): values are text unless they are
// HTML made by the template itself, so a page title or a finding's snippet can never become markup.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, lines, raw, type HtmlValue } from '../../reports/html.js';

describe('html template', () => {
  it('escapes text in element content', () => {
    const title = '<script>alert("x")</script> & 「お知らせ」';
    expect(html`<h1>${title}</h1>`.toString()).toBe('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 「お知らせ」</h1>');
  });

  it('escapes quotes in attribute values, so a value cannot leave its attribute', () => {
    expect(html`<a href="${'x" onclick="alert(1)'}">a</a>`.toString()).toBe('<a href="x&quot; onclick=&quot;alert(1)">a</a>');
    expect(html`<a title='${"it's"}'>a</a>`.toString()).toBe("<a title='it&#39;s'>a</a>");
  });

  it('keeps nested templates as markup, and escapes their own values once', () => {
    const inner = html`<em>${'<b>'}</em>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><em>&lt;b&gt;</em></p>');
    expect(html`<div>${html`<p>${inner}</p>`}</div>`.toString()).toBe('<div><p><em>&lt;b&gt;</em></p></div>');
  });

  it('joins arrays with nothing between, escaping every item', () => {
    const items = ['a<', 'b&'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&lt;</li><li>b&amp;</li></ul>');
    expect(html`${['<', html`<br>`, ['>']]}`.toString()).toBe('&lt;<br>&gt;');
  });

  it('prints nothing for null, undefined and false, and numbers as they are', () => {
    expect(html`[${null}|${undefined}|${false}|${0}|${12.5}|${''}]`.toString()).toBe('[|||0|12.5|]');
  });

  it('treats an object that only looks like HTML as text', () => {
    const fake = { toString: () => '<script>' } as unknown as HtmlValue;
    expect(html`${fake}`.toString()).toBe('&lt;script&gt;');
  });

  it('raw() inserts markup we wrote ourselves as it is', () => {
    expect(html`<style>${raw('a > b { content: "x"; }')}</style>`.toString()).toBe('<style>a > b { content: "x"; }</style>');
  });

  it('join() puts an escaped separator between items', () => {
    expect(join(['a', html`<b>b</b>`, 'c&'], '、').toString()).toBe('a、<b>b</b>、c&amp;');
    expect(join(['a', 'b'], html`<br>`).toString()).toBe('a<br>b');
    expect(join([], '、').toString()).toBe('');
  });

  it('lines() gives one line per part, no line for null/undefined/false, one per item of a list', () => {
    expect(lines(html`<a>`, null, [html`<b>`, [html`<c>`, false]], undefined, html`</a>`).toString()).toBe('<a>\n<b>\n<c>\n</a>');
    expect(lines(html`<a>`, html``, html`</a>`).toString()).toBe('<a>\n\n</a>');
    expect(lines('<x>').toString()).toBe('&lt;x&gt;');
  });

  it('escapeHtml() escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('令和８年度 ①')).toBe('令和８年度 ①');
  });
});
