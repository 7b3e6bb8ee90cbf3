// 4.1.1 構文解析: the HTML as served (not the DOM) parsed with parse5, a spec-conforming HTML5 parser
// that reports parse errors with positions. Browser-safe (bundled into the in-page script too).
// The rules' metadata and wordings (one per parse5 error code that breaks 4.1.1) are their catalogue
// entries in rules-jis/data/rules/source.json.
import { Parser, type DefaultTreeAdapterMap, type ParserOptions, type Token } from 'parse5';
import { fillMessage, impactFor, variantOf } from '../catalogue/apply.js';
import { sourceRule } from '../catalogue/source.js';
import type { RuleVariant } from '../catalogue/types.js';
import type { Finding, RuleStat } from '../types.js';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

type CodeEntry = Required<RuleVariant>;

export const SOURCE_RULE_ID = 'source-parse';
export const SOURCE_DUP_ID_RULE_ID = 'source-duplicate-id';
const parseRule = sourceRule(SOURCE_RULE_ID);
const dupRule = sourceRule(SOURCE_DUP_ID_RULE_ID);

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

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const IMPLIED_END_OK = new Set(['html', 'head', 'body', 'br']);

export interface SourceCheckResult {
  findings: Finding[];
  ruleStats: RuleStat[];
}

export function checkSource(html: string): SourceCheckResult {
  const findings: Finding[] = [];
  const lines = html.split(/\r\n|\r|\n/);
  const sourceFinding = (entry: CodeEntry, data: Record<string, string>, code: string, line: number, column: number): Finding => ({
    ruleId: parseRule.id,
    source: 'source',
    kind: entry.kind,
    criteria: parseRule.criteria,
    impact: impactFor(parseRule, entry.kind),
    selector: '',
    html: lineSnippet(lines, line),
    message: `${fillMessage(entry.message, data)}（${line}行${column}列, ${code}）`,
    help: fillMessage(entry.help, data),
    helpUrl: parseRule.helpUrl,
    line,
    column,
  });
  const seen = new Set<string>();

  const endTags: Token.TagToken[] = [];
  // parse5 reports only tokenizer errors and a few tree-construction ones; to find stray and misnested
  // end tags we record every end tag token and later match it to the element it really closed.
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
      if (!entry) return;
      // The tag the error is about: for EOF errors parse5 points at the end, so name the open element later.
      const tag = tagAt(html, err.startOffset) || '';
      const key = `${err.code}:${err.startLine}:${err.startCol}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(sourceFinding(entry, { tag }, err.code, err.startLine, err.startCol));
    },
  };
  const doc = RecordingParser.parse(html, options) as DefaultTreeAdapterMap['document'];

  // parse5 reports open-elements-left-after-eof at EOF without naming the element: name the innermost
  // element that was never closed from the tree's source locations.
  const unclosed: Element[] = [];
  const ids = new Map<string, { count: number; firstLine: number }>();
  const walk = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const el = child as Element;
      const loc = el.sourceCodeLocation;
      const selfClosingForeign = el.namespaceURI !== HTML_NS && loc?.startTag && html.slice(loc.startTag.endOffset - 2, loc.startTag.endOffset) === '/>';
      if (loc?.startTag && !loc.endTag && !VOID.has(el.tagName) && !OPTIONAL_END.has(el.tagName) && !selfClosingForeign) unclosed.push(el);
      const id = el.attrs.find((a) => a.name === 'id')?.value;
      if (id !== undefined && id !== '' && loc) {
        const prev = ids.get(id);
        if (!prev) ids.set(id, { count: 1, firstLine: loc.startLine });
        else {
          prev.count++;
          findings.push({
            ruleId: dupRule.id,
            source: 'source',
            kind: dupRule.kind,
            criteria: dupRule.criteria,
            impact: impactFor(dupRule, dupRule.kind),
            selector: `[id="${id.replace(/"/g, '\\"')}"]`,
            html: lineSnippet(lines, loc.startLine),
            message: `${fillMessage(dupRule.message, { id, count: prev.count, firstLine: prev.firstLine })}（${loc.startLine}行${loc.startCol}列）`,
            help: dupRule.help,
            helpUrl: dupRule.helpUrl,
            line: loc.startLine,
            column: loc.startCol,
          });
        }
      }
      // Template contents are a separate document fragment: their ids do not clash with the page's.
      walk(el);
    }
  };
  walk(doc);

  // An end tag in the source that closed no element is stray (or closes a misnested element).
  const closedAt = new Set<number>();
  const collect = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const end = (child as Element).sourceCodeLocation?.endTag;
      if (end) closedAt.add(end.startOffset);
      collect(child as Element);
      if ((child as Element).tagName === 'template' && 'content' in child) collect((child as unknown as { content: ParentNode }).content);
    }
  };
  collect(doc);
  const stray = variantOf(parseRule, 'end-tag-without-matching-open-element');
  for (const t of endTags) {
    const loc = t.location;
    if (!loc || closedAt.has(loc.startOffset) || IMPLIED_END_OK.has(t.tagName)) continue;
    const key = `end-tag-without-matching-open-element:${loc.startLine}:${loc.startCol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(sourceFinding(stray, { tag: t.tagName }, 'end-tag-without-matching-open-element', loc.startLine, loc.startCol));
  }
  // A non-void element whose end tag cannot be omitted but was never written: unclosed or misnested.
  const unclosedEntry = variantOf(parseRule, 'open-elements-left-after-eof');
  for (const el of unclosed) {
    const loc = el.sourceCodeLocation!;
    if (seen.has(`non-void-html-element-start-tag-with-trailing-solidus:${loc.startLine}:${loc.startCol}`)) continue;
    findings.push(sourceFinding(unclosedEntry, { tag: el.tagName }, 'unclosed-element', loc.startLine, loc.startCol));
  }

  // parse5's own EOF error is reported by the element-level check above with the element named.
  for (let i = findings.length - 1; i >= 0; i--) if (/open-elements-left-after-eof|eof-in-element/.test(findings[i].message) && unclosed.length) findings.splice(i, 1);
  for (const f of findings) {
    if (f.message.includes('<>') || f.message.includes('</>')) {
      // Name the element for EOF errors: the last unclosed element before this position.
      const el = unclosed.filter((e) => (e.sourceCodeLocation?.startLine ?? 0) <= (f.line ?? 0)).pop();
      if (el) {
        f.message = f.message.replace(/<\/?>/g, `<${el.tagName}>`);
        f.help = f.help.replace(/<\/?>/g, `<${el.tagName}>`);
        f.html = lineSnippet(lines, el.sourceCodeLocation!.startLine);
        f.line = el.sourceCodeLocation!.startLine;
        f.column = el.sourceCodeLocation!.startCol;
      } else {
        f.message = f.message.replace(/ ?<\/?> ?/g, '');
      }
    }
  }

  const parseFindings = findings.filter((f) => f.ruleId === SOURCE_RULE_ID);
  const dupFindings = findings.filter((f) => f.ruleId === SOURCE_DUP_ID_RULE_ID);
  const stat = (ruleId: string, fs: Finding[]): RuleStat => ({
    ruleId,
    source: 'source',
    criteria: sourceRule(ruleId).criteria,
    result: fs.some((f) => f.kind === 'violation') ? 'violation' : fs.length ? 'review' : 'passed',
  });
  return { findings, ruleStats: [stat(SOURCE_RULE_ID, parseFindings), stat(SOURCE_DUP_ID_RULE_ID, dupFindings)] };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'bgsound', 'frame']);
// End tags the HTML spec lets authors omit (and html/head/body, which may be implied entirely).
const OPTIONAL_END = new Set(['html', 'head', 'body', 'li', 'dt', 'dd', 'p', 'rt', 'rp', 'optgroup', 'option', 'colgroup', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
