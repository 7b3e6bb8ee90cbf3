// The one result builder (rules-jis/result.ts): page results from the bundle's output, error results, and
// the versioned AuditResult, with the axe version carried from the page (never read from `window` again).
import { describe, expect, it } from 'vitest';
import { auditedPage, auditResult, auditResultOf, errorAuditedPage, errorPageResult, pageResult, singlePageResult } from '../../rules-jis/result.js';
import { judgePage } from '../../rules-jis/verdict.js';
import { SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION } from '../../rules-jis/version.js';
import type { Finding, InPageOutput } from '../../rules-jis/types.js';
import { schemaValidator } from '../helpers/schema.js';

const output: InPageOutput = {
  url: 'https://pref.example.jp/',
  title: 'トップ',
  lang: 'ja',
  axeVersion: '4.14.1',
  findings: [],
  ruleStats: [],
  facts: { inapplicable: {} },
};
const keyboardFinding: Finding = {
  ruleId: 'focus-visible', source: 'interaction', kind: 'violation', criteria: ['2.4.7'], impact: 'serious',
  selector: 'a', html: '<a>', message: 'm', help: 'h', helpUrl: '',
};
const AT = '2026-11-25T00:00:00.000Z';

describe('result builder', () => {
  it('a page result: the fields in schema order, the shared verdict, no axe version inside', () => {
    const r = pageResult(output, { auditedAt: AT });
    expect(Object.keys(r)).toEqual(['url', 'title', 'lang', 'auditedAt', 'criteria', 'findings']);
    expect(r.criteria).toEqual(judgePage({ findings: [], ruleStats: [], facts: output.facts }));
    expect(Object.keys(r.criteria[0])).toEqual(['id', 'level', 'outcome', 'counts', 'reason']);
    expect(JSON.stringify(r)).not.toContain('axeVersion');
    expect(pageResult(output, { target: 'A' }).criteria).toHaveLength(25);
  });

  it('merges what a later phase found (the keyboard phase) into findings and verdict', () => {
    const r = pageResult(output, { extra: { findings: [keyboardFinding], ruleStats: [] }, auditedAt: AT });
    expect(r.findings).toEqual([keyboardFinding]);
    expect(r.criteria.find((c) => c.id === '2.4.7')!.outcome).toBe('fail');
    expect(output.findings).toEqual([]);
  });

  it('an error result: no criteria or findings, the error after the time', () => {
    const e = errorPageResult('https://pref.example.jp/x', { code: 'http-error', message: '404' }, AT);
    expect(Object.keys(e)).toEqual(['url', 'title', 'lang', 'auditedAt', 'error', 'criteria', 'findings']);
    expect(errorAuditedPage('https://pref.example.jp/x', e.error!).axeVersion).toBe('');
  });

  it('the audit result takes the axe version of the first audited page', () => {
    const pages = [errorAuditedPage('https://pref.example.jp/x', { code: 'timeout', message: 't' }), auditedPage(output)];
    const r = auditResultOf(pages, { browser: 'Chrome/140', target: 'AA' });
    expect(r).toMatchObject({ schemaVersion: SCHEMA_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION, axeVersion: '4.14.1', browser: 'Chrome/140' }, standard: 'JIS X 8341-3:2016', target: 'AA' });
    expect(r.pages.map((p) => p.url)).toEqual(['https://pref.example.jp/x', 'https://pref.example.jp/']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'tool', 'standard', 'target', 'pages']);
    expect(auditResultOf([pages[0]], { browser: 'b', target: 'A' }).tool.axeVersion).toBe('');
    expect(schemaValidator()(r)).toBe(true);
  });

  it('one page audited in place (the extension) is the same envelope', () => {
    const r = singlePageResult(output, 'Mozilla/5.0');
    const same = auditResult([{ ...r.pages[0] }], { axeVersion: '4.14.1', browser: 'Mozilla/5.0', target: 'AA' });
    expect(r).toEqual(same);
  });
});
