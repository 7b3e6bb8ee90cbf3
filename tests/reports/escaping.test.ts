// Whatever a crawled page, a person or a config puts into the store is text in every HTML report: a run
// whose titles, snippets, messages, link texts, error messages, labels and judgement notes carry markup
// renders it escaped in the site report, the 試験結果 page and its CMS fragment (reports/html.ts).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../crawler/store/store.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import type { CriterionResult, Finding } from '../../rules-jis/types.js';
import { buildReportModel } from '../../reports/model.js';
import { siteReportHtml } from '../../reports/html-report.js';
import { testResultDocument, testResultFragment, testResultPage } from '../../reports/test-result.js';

const O = 'https://pref.example.jp';
const X = (where: string) => `<script>alert('${where}')</script><img src=x onerror="alert(1)">`;
const criteria: CriterionResult[] = targetCriteria('AA').map((c) => ({
  id: c.wcag,
  level: c.level,
  outcome: c.wcag === '1.1.1' ? 'fail' : 'review',
  counts: { violation: c.wcag === '1.1.1' ? 1 : 0, review: c.wcag === '1.1.1' ? 0 : 1, advisory: 0 },
}));
const finding = (kind: Finding['kind']): Finding => ({
  ruleId: `image-alt${X('rule')}`, source: 'axe', kind, criteria: kind === 'advisory' ? [] : ['1.1.1'], impact: 'serious',
  selector: `img${X('selector')}`, html: `</pre>${X('html')}`, message: X('message'), help: X('help'), helpUrl: 'javascript:alert(1)',
});

async function hostileModel() {
  const store = await openStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'jis-esc-')), 's.sqlite'));
  const run = await store.runs.createRun({ startUrls: [O + '/'], config: { scope: { include: [X('include')] } }, target: 'AA', label: X('label'), browser: X('browser') });
  const page = (url: string, title: string) => ({ url, depth: 0, auditedAt: new Date().toISOString(), title, contentHash: 'h', criteria, findings: [finding('violation'), finding('review'), finding('advisory')], links: [{ toUrl: O + '/gone.html', text: X('link text'), area: 'main' as const }] });
  await store.results.savePage(run, page(O + '/', X('top title')));
  await store.results.savePage(run, page(O + '/news/1.html?q="><b>', X('news title')));
  await store.results.savePage(run, { url: O + '/gone.html', depth: 1, auditedAt: new Date().toISOString(), status: 404, error: { code: 'http-error', message: X('error') } });
  await store.results.saveDocument(run, { url: O + '/a.pdf', type: X('type'), size: 10, status: null, error: { code: 'http-error', message: X('doc error') }, checkedAt: new Date().toISOString() });
  await store.runs.updateRun(run, { status: 'finished', finishedAt: new Date().toISOString() });
  await store.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', who: X('who'), note: X('note'), scope: { type: 'page', url: O + '/' } }]);
  const m = await buildReportModel(store, { statement: { siteName: X('site'), organisation: X('org'), exclusions: [X('exclusion')], technologies: [X('tech')], scopeDescription: X('scope') } });
  await store.close();
  return m;
}

describe('hostile text in the store', () => {
  it('is escaped in every HTML report', async () => {
    const m = await hostileModel();
    const outputs = { 'report.html': siteReportHtml(m, { links: { csv: 'a"b.csv' } }), 'test-result.html': testResultPage(testResultDocument(m)), fragment: testResultFragment(testResultDocument(m)) };
    for (const [name, out] of Object.entries(outputs)) {
      // the report's own pictures (trend charts, element crops) are data: images it drew itself
      expect(out, name).not.toMatch(/<script|<img(?! class="(?:chart|crop)" src="data:image\/(?:svg\+xml|jpeg);base64,)|<b>|onerror="/i);
      expect(out, name).toContain('&lt;script&gt;');
    }
    const report = outputs['report.html'];
    // the page title, the snippet and the judgement note all reached the report, escaped
    for (const where of ['top title', 'html', 'note', 'who', 'label', 'include', 'error', 'doc error', 'link text', 'message', 'help', 'rule'])
      expect(report, where).toContain(`&lt;script&gt;alert(&#39;${where}&#39;)&lt;/script&gt;`);
    expect(report).toContain('href="a&quot;b.csv"');
    for (const where of ['site', 'org', 'exclusion', 'tech', 'scope']) expect(outputs['test-result.html'], where).toContain(`alert(&#39;${where}&#39;)`);
  });
});
