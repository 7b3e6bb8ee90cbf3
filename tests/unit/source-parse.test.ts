// 4.1.1 from the raw source: each parse-error kind fires; valid HTML5 (with omitted optional end tags) is silent.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../rules-jis/source/parse-errors.js';

const page = (body: string) => `<!DOCTYPE html>\n<html lang="ja">\n<head><meta charset="utf-8"><title>テスト | みどり県</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('4.1.1 source checks', () => {
  it.each([
    ['duplicate attribute', '<p class="a" class="b">申請書</p>', /同じ属性/, 5],
    ['stray end tag', '<p>お知らせ</p></span>', /<\/span>/, 5],
    ['misnested end tags', '<p><b><i>重要</b></i></p>', /<\/i>|<i>/, 5],
    ['element closed with open child', '<div><span>受付時間</div>', /<span>/, 5],
    ['unclosed element at end of document', '<div><p>連絡先</p>', /<div>/, 5],
    ['non-void self-closing tag', '<div/><p>本文</p>', /<div\/>/, 5],
    ['duplicate id', '<p id="toiawase">総務課</p>\n<p id="toiawase">企画課</p>', /toiawase/, 6],
  ])('%s is a violation on 4.1.1 with line and column', (_name, body, message, line) => {
    const { findings, ruleStats } = checkSource(page(body));
    expect(findings.length).toBeGreaterThan(0);
    const f = findings.find((x) => message.test(x.message))!;
    expect(f, JSON.stringify(findings)).toBeDefined();
    expect(f.kind).toBe('violation');
    expect(f.criteria).toEqual(['4.1.1']);
    expect(f.line).toBe(line);
    expect(f.column).toBeGreaterThan(0);
    expect(ruleStats.some((s) => s.result === 'violation')).toBe(true);
  });

  it('is silent on valid HTML5, including omitted optional end tags', () => {
    const html = `<!doctype html>
<html lang="ja">
<meta charset="utf-8">
<title>手続き一覧 | みどり県</title>
<body>
<ul><li>転入届<li>転出届<li>住民票の写し</ul>
<dl><dt>受付<dd>平日9時から17時</dl>
<p>第1段落<p>第2段落
<table><caption>手数料</caption><thead><tr><th>種類<th>金額<tbody><tr><td>住民票<td>300円<tr><td>印鑑証明<td>300円</table>
<select aria-label="市町村"><option>みどり市<option>あおば町</select>
<script>if (1 < 2 && "</b>") { document.title = document.title; }</script>
<svg width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>
<img src="a.png" alt="県章"><br><input type="text" aria-label="検索語">
<template><p id="dup">テンプレート</p></template><p id="dup">本文</p>
`;
    const { findings, ruleStats } = checkSource(html);
    expect(findings).toEqual([]);
    expect(ruleStats.every((s) => s.result === 'passed')).toBe(true);
  });

  // Issue 21 case 12: about 8,000 unclosed tags overflowed the stack of the recursive tree walk → `internal`.
  it.each([
    ['nested unclosed <div>s', '<div>'.repeat(20_000) + '本文', 'div', 20_000],
    ['nested unclosed <span>s and a stray end tag', '<span>'.repeat(20_000) + '本文</div>', 'span', 20_000],
    ['nested <g> in an unclosed <svg>', '<svg>' + '<g>'.repeat(20_000), 'g', 20_000],
    ['nested templates (their contents walked for end tags)', '<template><div id="a">'.repeat(20_000), 'template', 1],
  ])('20,000 %s: every unclosed element found, no stack overflow, in reasonable time', (_name, body, tag, expected) => {
    const started = performance.now();
    const { findings, ruleStats } = checkSource(page(body));
    const ms = performance.now() - started;
    const unclosed = findings.filter((f) => f.message.includes(`閉じられていない要素 <${tag}>`));
    expect(unclosed).toHaveLength(expected);
    expect(unclosed[0]).toMatchObject({ kind: 'violation', criteria: ['4.1.1'], line: 5 });
    expect(ruleStats.find((s) => s.ruleId === 'source-parse')?.result).toBe('violation');
    expect(ms).toBeLessThan(10_000);
  });

  it('20,000 nested elements with duplicate ids are each reported once, in document order', () => {
    const { findings } = checkSource(page('<div id="kugiri">'.repeat(20_000)));
    const dups = findings.filter((f) => f.ruleId === 'source-duplicate-id');
    expect(dups).toHaveLength(19_999);
    expect(dups[0].message).toMatch(/「kugiri」が重複しています（2回目/);
    expect(dups.at(-1)!.message).toMatch(/20000回目/);
  });
});
