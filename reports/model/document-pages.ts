// The tested documents of a test as pages of the checklist (issue 18): per criterion, what the document checks
// found (fail / review / untested: never pass, since the checks cover only part of what a criterion asks of a
// document; crawler/page/documents/document-result.ts says the same for `check`), then the judgements a person
// made on that document. Only judgements that name the document (its URL, or one of its findings) apply: a
// site-wide or URL-pattern judgement was made looking at web pages, and a ○ on 2.4.1 for the pages' skip links
// says nothing about a PDF's bookmarks.
import { judgePage, applyJudgements } from '../../rules-jis/verdict.js';
import type { Judgement } from '../../rules-jis/judgements.js';
import type { Target } from '../../rules-jis/types.js';
import type { StoredDocument } from '../../crawler/store/types.js';
import { sha256 } from '../../crawler/store/hash.js';
import type { ModelPage } from '../model.js';

const NAMES_ONE_DOCUMENT = new Set(['page', 'finding']);

/** Ids of document pages are negative, so they never meet a web page's id in a map. */
function modelDocument(d: StoredDocument, judgements: Judgement[], target: Target): ModelPage {
  const base = judgePage({ findings: d.findings, ruleStats: [], facts: { inapplicable: {} }, target });
  const findings = d.findings.map((f) => ({ ...f, pageUrl: d.url }));
  const criteria = applyJudgements({ url: d.url, contentHash: d.contentHash }, base, findings, judgements.filter((j) => NAMES_ONE_DOCUMENT.has(j.scope.type)), sha256);
  return {
    id: -d.id,
    url: d.url,
    title: d.title ?? '',
    contentHash: d.contentHash,
    criteria,
    violations: d.findings.filter((f) => f.kind === 'violation').length,
    reviews: d.findings.filter((f) => f.kind === 'review').length,
    advisories: d.findings.filter((f) => f.kind === 'advisory').length,
    failing: criteria.filter((c) => c.outcome === 'fail').map((c) => c.id),
    selected: true,
  };
}

/** The documents whose URL is in `urls`, judged, in URL order. */
export function judgeDocuments(docs: StoredDocument[], urls: string[], judgements: Judgement[], target: Target): ModelPage[] {
  const tested = new Set(urls);
  return docs.filter((d) => tested.has(d.url)).map((d) => modelDocument(d, judgements, target));
}
