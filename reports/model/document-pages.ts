// The tested documents of a test as pages of the checklist (issue 18): per criterion, what the document checks
// found (fail / review / untested: never pass, since the checks cover only part of what a criterion asks of a
// document; crawler/page/documents/document-result.ts says the same for `check`), then the judgements a person
// made on that document. Only judgements that name the document (its URL, or one of its findings) apply: a
// site-wide or URL-pattern judgement was made looking at web pages, and a ○ on 2.4.1 for the pages' skip links
// says nothing about a PDF's bookmarks.
import type { Judgement } from '../../rules-jis/judgements.js';
import type { Target } from '../../rules-jis/types.js';
import { documentCriteria } from '../../rules-jis/documents/verdict.js';
import type { StoredDocument } from '../../crawler/store/types.js';
import type { ModelPage } from '../model.js';
import { toModelPage } from './pages.js';

const NAMES_ONE_DOCUMENT = new Set(['page', 'finding']);

/**
 * A document among the checklist's pages carries its id negated, so it never meets a web page's id in a map and
 * the worksheet can tell its rows apart (rules-jis/round-trip.ts worksheetRowId).
 */
export const isDocumentPage = (p: Pick<ModelPage, 'id'>): boolean => p.id < 0;

function modelDocument(d: StoredDocument, judgements: Judgement[], target: Target): ModelPage {
  const findings = d.findings.map((f) => ({ ...f, pageUrl: d.url }));
  const own = judgements.filter((j) => NAMES_ONE_DOCUMENT.has(j.scope.type));
  return toModelPage({ id: -d.id, url: d.url, title: d.title ?? '', contentHash: d.contentHash }, documentCriteria(d.findings, target), findings, own, true);
}

/** The documents whose URL is in `urls`, judged, in URL order. */
export function judgeDocuments(docs: StoredDocument[], urls: string[], judgements: Judgement[], target: Target): ModelPage[] {
  const tested = new Set(urls);
  return docs.filter((d) => tested.has(d.url)).map((d) => modelDocument(d, judgements, target));
}
