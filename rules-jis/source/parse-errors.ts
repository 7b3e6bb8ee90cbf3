// 4.1.1 構文解析: the HTML as served (not the DOM) parsed with parse5, a spec-conforming HTML5 parser
// that reports parse errors with positions. Browser-safe (bundled into the in-page script too).
// The rules' metadata and wordings (one per parse5 error code that breaks 4.1.1) are their catalogue
// entries in rules-jis/data/rules/source.json. Every walk over the tree is iterative (tree-walk.ts): a page
// of 20,000 nested unclosed tags is a page with 20,000 findings, not a stack overflow.
import { Parser, type DefaultTreeAdapterMap, type ParserOptions, type Token } from 'parse5';
import { fillMessage, impactFor, variantOf } from '../catalogue/apply.js';
import { sourceRule } from '../catalogue/source.js';
import type { RuleVariant } from '../catalogue/types.js';
import type { Finding, RuleStat } from '../types.js';
import { elementsOf, type SourceElement } from './tree-walk.js';

type CodeEntry = Required<RuleVariant>;
type SourceDocument = DefaultTreeAdapterMap['document'];

export const SOURCE_RULE_ID = 'source-parse';
export const SOURCE_DUP_ID_RULE_ID = 'source-duplicate-id';
const parseRule = sourceRule(SOURCE_RULE_ID);
const dupRule = sourceRule(SOURCE_DUP_ID_RULE_ID);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const IMPLIED_END_OK = new Set(['html', 'head', 'body', 'br']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'bgsound', 'frame']);
// End tags the HTML spec lets authors omit (and html/head/body, which may be implied entirely).
const OPTIONAL_END = new Set(['html', 'head', 'body', 'li', 'dt', 'dd', 'p', 'rt', 'rp', 'optgroup', 'option', 'colgroup', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

export interface SourceCheckResult {
  findings: Finding[];
  ruleStats: RuleStat[];
}

/** What one check accumulates: the source, its lines, the findings so far and the positions already reported. */
interface CheckContext {
  html: string;
  lines: string[];
  findings: Finding[];
  seen: Set<string>;
}

export function checkSource(html: string): SourceCheckResult {
  const ctx: CheckContext = { html, lines: html.split(/\r\n|\r|\n/), findings: [], seen: new Set() };
  const { doc, endTags } = parseRecording(ctx);
  const unclosed = scanElements(ctx, doc);
  reportStrayEndTags(ctx, doc, endTags);
  reportUnclosed(ctx, unclosed);
  nameEofFindings(ctx, unclosed);
  return { findings: ctx.findings, ruleStats: ruleStatsOf(ctx.findings) };
}

/** The wording of a parse5 error code, or undefined for a code that is not a 4.1.1 failure. */
function codeEntry(code: string): CodeEntry | undefined {
  return Object.hasOwn(parseRule.variants ?? {}, code) ? variantOf(parseRule, code) : undefined;
}

/** Name of the tag that starts at `offset` (for `<div` or `</div`), or "" */
function tagAt(html: string, offset: number): string {
  const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(offset, offset + 64));
  return m ? m[1].toLowerCase() : '';
}

function lineSnippet(lines: string[], line: number): string {
  return (lines[line - 1] ?? '').trim().slice(0, 200);
}

/** True the first time a (code, line, column) is reported. */
function firstReport(ctx: CheckContext, code: string, line: number, column: number): boolean {
  const key = `${code}:${line}:${column}`;
  if (ctx.seen.has(key)) return false;
  ctx.seen.add(key);
  return true;
}

function parseFinding(ctx: CheckContext, entry: CodeEntry, data: Record<string, string>, code: string, line: number, column: number): Finding {
  return {
    ruleId: parseRule.id,
    source: 'source',
    kind: entry.kind,
    criteria: parseRule.criteria,
    impact: impactFor(parseRule, entry.kind),
    selector: '',
    html: lineSnippet(ctx.lines, line),
    message: `${fillMessage(entry.message, data)}（${line}行${column}列, ${code}）`,
    help: fillMessage(entry.help, data),
    helpUrl: parseRule.helpUrl,
    line,
    column,
  };
}

/**
 * Parses with positions, reporting parse5's own 4.1.1 errors. parse5 reports only tokenizer errors and a
 * few tree-construction ones; to find stray and misnested end tags every end tag token is recorded, to be
 * matched later to the element it really closed.
 */
function parseRecording(ctx: CheckContext): { doc: SourceDocument; endTags: Token.TagToken[] } {
  const endTags: Token.TagToken[] = [];
  class RecordingParser extends Parser<DefaultTreeAdapterMap> {
    override onEndTag(token: Token.TagToken): void {
      endTags.push(token);
      super.onEndTag(token);
    }
  }
  const options: ParserOptions<DefaultTreeAdapterMap> = {
    sourceCodeLocationInfo: true,
    onParseError: (err) => {
      const entry = codeEntry(err.code);
      if (!entry || !firstReport(ctx, err.code, err.startLine, err.startCol)) return;
      // The tag the error is about: for EOF errors parse5 points at the end, so nameEofFindings names it later.
      ctx.findings.push(parseFinding(ctx, entry, { tag: tagAt(ctx.html, err.startOffset) }, err.code, err.startLine, err.startCol));
    },
  };
  const doc = RecordingParser.parse(ctx.html, options) as SourceDocument;
  return { doc, endTags };
}

/** A non-void element whose end tag cannot be omitted but was never written (a foreign `<x/>` is closed). */
function isUnclosed(html: string, el: SourceElement): boolean {
  const loc = el.sourceCodeLocation;
  if (!loc?.startTag || loc.endTag || VOID.has(el.tagName) || OPTIONAL_END.has(el.tagName)) return false;
  const selfClosingForeign = el.namespaceURI !== HTML_NS && html.slice(loc.startTag.endOffset - 2, loc.startTag.endOffset) === '/>';
  return !selfClosingForeign;
}

/**
 * One pass over the page's elements (not template contents: a separate document fragment, whose ids do not
 * clash with the page's): reports duplicate ids, returns the unclosed elements in document order.
 */
function scanElements(ctx: CheckContext, doc: SourceDocument): SourceElement[] {
  const unclosed: SourceElement[] = [];
  const ids = new Map<string, { count: number; firstLine: number }>();
  for (const el of elementsOf(doc)) {
    if (isUnclosed(ctx.html, el)) unclosed.push(el);
    const id = el.attrs.find((a) => a.name === 'id')?.value;
    const loc = el.sourceCodeLocation;
    if (id === undefined || id === '' || !loc) continue;
    const prev = ids.get(id);
    if (!prev) {
      ids.set(id, { count: 1, firstLine: loc.startLine });
      continue;
    }
    prev.count++;
    ctx.findings.push({
      ruleId: dupRule.id,
      source: 'source',
      kind: dupRule.kind,
      criteria: dupRule.criteria,
      impact: impactFor(dupRule, dupRule.kind),
      selector: `[id="${id.replace(/"/g, '\\"')}"]`,
      html: lineSnippet(ctx.lines, loc.startLine),
      message: `${fillMessage(dupRule.message, { id, count: prev.count, firstLine: prev.firstLine })}（${loc.startLine}行${loc.startCol}列）`,
      help: dupRule.help,
      helpUrl: dupRule.helpUrl,
      line: loc.startLine,
      column: loc.startCol,
    });
  }
  return unclosed;
}

/** An end tag in the source that closed no element is stray (or closes a misnested element). */
function reportStrayEndTags(ctx: CheckContext, doc: SourceDocument, endTags: Token.TagToken[]): void {
  const closedAt = new Set<number>();
  for (const el of elementsOf(doc, { templates: true })) {
    const end = el.sourceCodeLocation?.endTag;
    if (end) closedAt.add(end.startOffset);
  }
  const code = 'end-tag-without-matching-open-element';
  const stray = variantOf(parseRule, code);
  for (const t of endTags) {
    const loc = t.location;
    if (!loc || closedAt.has(loc.startOffset) || IMPLIED_END_OK.has(t.tagName)) continue;
    if (!firstReport(ctx, code, loc.startLine, loc.startCol)) continue;
    ctx.findings.push(parseFinding(ctx, stray, { tag: t.tagName }, code, loc.startLine, loc.startCol));
  }
}

/** One finding per unclosed element (unless parse5 already reported it as a non-void `<x/>`). */
function reportUnclosed(ctx: CheckContext, unclosed: SourceElement[]): void {
  const entry = variantOf(parseRule, 'open-elements-left-after-eof');
  for (const el of unclosed) {
    const loc = el.sourceCodeLocation!;
    if (ctx.seen.has(`non-void-html-element-start-tag-with-trailing-solidus:${loc.startLine}:${loc.startCol}`)) continue;
    ctx.findings.push(parseFinding(ctx, entry, { tag: el.tagName }, 'unclosed-element', loc.startLine, loc.startCol));
  }
}

/** The last of `unclosed` (in document order) that starts on or before `line` (binary search). */
function lastUnclosedBefore(unclosed: SourceElement[], line: number): SourceElement | undefined {
  let lo = 0;
  let hi = unclosed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((unclosed[mid].sourceCodeLocation?.startLine ?? 0) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? unclosed[lo - 1] : undefined;
}

/**
 * parse5 reports EOF errors at the end of the document without naming the element. Where the element-level
 * check found unclosed elements, parse5's own EOF error repeats them and goes; any other finding with an
 * empty tag name is given the last unclosed element before it.
 */
function nameEofFindings(ctx: CheckContext, unclosed: SourceElement[]): void {
  if (unclosed.length) ctx.findings = ctx.findings.filter((f) => !/open-elements-left-after-eof|eof-in-element/.test(f.message));
  for (const f of ctx.findings) {
    if (!f.message.includes('<>') && !f.message.includes('</>')) continue;
    const el = lastUnclosedBefore(unclosed, f.line ?? 0);
    if (!el) {
      f.message = f.message.replace(/ ?<\/?> ?/g, '');
      continue;
    }
    f.message = f.message.replace(/<\/?>/g, `<${el.tagName}>`);
    f.help = f.help.replace(/<\/?>/g, `<${el.tagName}>`);
    f.html = lineSnippet(ctx.lines, el.sourceCodeLocation!.startLine);
    f.line = el.sourceCodeLocation!.startLine;
    f.column = el.sourceCodeLocation!.startCol;
  }
}

function ruleStatsOf(findings: Finding[]): RuleStat[] {
  const stat = (ruleId: string): RuleStat => {
    const fs = findings.filter((f) => f.ruleId === ruleId);
    return { ruleId, source: 'source', criteria: sourceRule(ruleId).criteria, result: fs.some((f) => f.kind === 'violation') ? 'violation' : fs.length ? 'review' : 'passed' };
  };
  return [stat(SOURCE_RULE_ID), stat(SOURCE_DUP_ID_RULE_ID)];
}
