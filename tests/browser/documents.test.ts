// The document checks on PDFs printed by real headless Chromium (page.pdf, tagged and untagged, a scan made
// of screenshots), together with the hand-built corpus: each file gives exactly its expected findings, every
// document rule fires somewhere and stays silent elsewhere, and precision and recall per rule are measured
// over the whole corpus (printed, and required to be 1 on it).
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/page/browser.js';
import { documentRules } from '../../rules-jis/catalogue/document.js';
import { BROWSER_CASES, HAND_CASES, scores } from '../fixtures/documents/corpus.js';
import { runCases, type CaseResult } from '../fixtures/documents/run-corpus.js';

describe('document checks on PDFs printed by Chromium', () => {
  let browser: Browser;
  let results: CaseResult[];
  beforeAll(async () => {
    browser = await launchBrowser();
    results = await runCases(BROWSER_CASES, browser);
  });
  afterAll(() => browser?.close());

  for (const c of BROWSER_CASES) {
    it(`${c.name}: ${Object.keys(c.expect).join(', ') || 'no finding'}`, () => {
      const r = results.find((x) => x.name === c.name)!;
      expect(r.error).toBeUndefined();
      expect(r.fired).toEqual(Object.keys(c.expect).sort());
      expect(r.kinds).toEqual(c.expect);
    });
  }

  it('over the whole corpus, every rule fires where it must and nowhere else (precision and recall 1)', async () => {
    const all = [...results, ...(await runCases(HAND_CASES))];
    const s = scores(all, documentRules.map((r) => r.id));
    console.log(`${all.length} files\n` + s.map((x) => `${x.rule}: P=${x.precision.toFixed(2)} R=${x.recall.toFixed(2)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`).join('\n'));
    // each rule has files where it must fire and files where it must not
    for (const x of s) expect(x.tp, x.rule).toBeGreaterThan(0);
    for (const x of s) expect(all.length - x.tp - x.fn, x.rule).toBeGreaterThan(0);
    expect(s.filter((x) => x.precision < 1 || x.recall < 1)).toEqual([]);
  });
});
