// The in-page runner: the single script every front door injects (crawler, hook, extension).
// It configures axe (Japanese locale, WCAG 2.0 A/AA rules, re-enabled 4.1.1 rules, our Japanese checks)
// and exposes window.jisA11y: run() and the page scripts of rules-jis/page/ (collector, template identity,
// contrast, keyboard).
import axe from 'axe-core';
import ja from 'axe-core/locales/ja.json';
import { registerAxeVariants, registerJisRules } from './register.js';
import { normalizeAxeResults } from './normalize.js';
import { readFacts } from './facts.js';
import { axeRuleDetails, axeRules } from '../catalogue/axe.js';
import { jisRules } from '../catalogue/jis.js';
import { ruleIndex } from '../catalogue/load.js';
import { withSourceFindings } from '../source/merge.js';
import { TOOL_VERSION } from '../version.js';
import type { InPageOutput, InPageRunOptions } from '../types.js';
import { collect } from '../page/collect.js';
import { templateIdentity, withRegions } from '../page/template-identity.js';
import { keyboard } from '../page/keyboard/index.js';
import { contrastAt } from '../page/contrast.js';
import { readAnimatedImages } from '../page/animated/decode.js';
import type {} from '../page/api.js'; // window.jisA11y's type

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

// axe compiles a locale's failureSummaries with doT (new Function), which a page's CSP without
// 'unsafe-eval' refuses when the extension injects us. We never show failure summaries (our findings
// carry their own messages and fixes), so leave them out and the bundle loads under any CSP.
const { failureSummaries: _unused, ...locale } = ja as Record<string, unknown>;
// The rules this bundle runs, from the catalogue (rules-jis/catalogue/): axe's read before the locale is
// applied (English names; the Japanese come from ja.json), then our Japanese checks.
const catalogue = ruleIndex([...axeRules(axe.getRules(), ja, axeRuleDetails(axe)), ...jisRules]);
axe.configure({ locale: locale as unknown as axe.Locale });
registerJisRules(axe);
registerAxeVariants(axe);

const ruleIds = catalogue.all.map((r) => r.id);

async function run(options: InPageRunOptions = {}): Promise<InPageOutput> {
  // the animated images' frames are decoded first: axe's checks are synchronous (jis-animated-image, jis-image-flash)
  await readAnimatedImages(document);
  const results = await axe.run(document, {
    runOnly: { type: 'rule', values: ruleIds },
    // Deprecated rules run only when named with enabled: true (axe 4.14).
    rules: Object.fromEntries(ruleIds.map((id) => [id, { enabled: true }])),
    resultTypes: ['violations', 'incomplete'],
    iframes: options.iframes ?? true,
    // A frame our script cannot reach (file:, sandboxed) would otherwise hold the audit for axe's 60 s default.
    frameWaitTime: 5000,
    pingWaitTime: 500,
    elementRef: false,
  } as axe.RunOptions);
  const normalized = normalizeAxeResults(results, catalogue);
  const { findings, ruleStats } = typeof options.source === 'string' ? withSourceFindings(normalized, options.source) : normalized;
  return {
    url: location.href,
    title: document.title,
    lang: document.documentElement.getAttribute('lang') ?? '',
    axeVersion: axe.version,
    findings: withRegions(findings, document),
    ruleStats,
    facts: await readFacts(document),
  };
}

window.jisA11y = { version: TOOL_VERSION, axeVersion: axe.version, run, collect, templateIdentity, contrast: contrastAt, keyboard };
