// The shell every HTML report shares: one self-contained file (inline CSS, no script, no external
// resource), Japanese, with landmarks, a skip link, and print styles for A4. It must pass jis-a11y's own audit
// (tests/reports/reports.test.ts audits every generated page).
import { html, raw, type Html } from './html.js';
import { TOOL_NAME, TOOL_VERSION } from '../rules-jis/version.js';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; line-height: 1.7; color: #1a1a1a; background: #fff; }
body { margin: 0; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: #fff; color: #0b4f9c; padding: 0.5rem 1rem; border: 2px solid #0b4f9c; }
.skip:focus { top: 0.5rem; }
header.site, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 4px solid #0b4f9c; padding-top: 1rem; padding-bottom: 0.5rem; }
header.site p { margin: 0; }
h1 { font-size: 1.75rem; line-height: 1.4; margin: 1rem 0; }
h2 { font-size: 1.4rem; border-left: 6px solid #0b4f9c; padding-left: 0.5rem; margin-top: 2.5rem; }
h3 { font-size: 1.15rem; margin-top: 1.75rem; }
h4 { font-size: 1rem; margin-top: 1.25rem; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #c45500; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.5rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef7; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.counts th[scope=row] { min-width: 15em; }
table.counts td.num, table.counts th.num { padding: 0.35rem 0.3rem; font-size: 0.9rem; }
td.mark { text-align: center; font-weight: bold; white-space: nowrap; }
.fail { color: #b3261e; }
.pass { color: #1e6b3a; }
.review { color: #7a4a00; }
.claim { border: 3px solid #0b4f9c; padding: 1rem; margin: 1rem 0; }
.claim .words { font-size: 1.3rem; font-weight: bold; margin: 0 0 0.5rem; }
.url, code, pre { overflow-wrap: anywhere; word-break: break-all; }
pre { white-space: pre-wrap; background: #f3f3f3; border: 1px solid #c4c4c4; padding: 0.5rem; font-size: 0.85rem; margin: 0.25rem 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
ul.occ { padding-left: 1.25rem; }
ul.occ > li { margin-bottom: 0.75rem; }
.note { font-size: 0.9rem; }
small.rule-id { font-weight: normal; font-size: 0.8rem; color: #4a4a4a; }
.seen { font-weight: bold; }
img.chart { max-width: 100%; height: auto; }
img.crop { max-width: 100%; max-height: 10rem; border: 1px solid #767676; margin: 0.25rem 0; }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; }
footer.site { border-top: 1px solid #767676; margin-top: 3rem; padding-top: 0.5rem; padding-bottom: 2rem; font-size: 0.9rem; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  .skip { display: none; }
  html { font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, li, figure { break-inside: avoid; }
  a { color: #1a1a1a; }
}
`;

export interface ShellOptions {
  title: string;
  /** The header line above the h1, e.g. the site name. */
  siteName: string;
  body: Html;
  footer?: Html;
  /** CSS of our own added after the shared CSS (e.g. the 試験結果's landscape print). */
  css?: string;
}

export function htmlPage(o: ShellOptions): string {
  const footer = o.footer ?? html`この文書は ${TOOL_NAME} ${TOOL_VERSION} が検査結果から作成しました。`;
  return html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${TOOL_VERSION}">
<title>${o.title}｜${o.siteName}</title>
<style>${raw(REPORT_CSS + (o.css ? o.css + '\n' : ''))}</style>
</head>
<body>
<a class="skip" href="#main">本文へスキップ</a>
<header class="site"><p>${o.siteName}</p></header>
<main id="main">
${o.body}
</main>
<footer class="site"><p>${footer}</p></footer>
</body>
</html>
`.toString();
}
