// Ajv's validation errors as the Japanese sentences a user reads: which file, which key (its JSON path,
// written scope.maxPages or waivers[0].reason), what is wrong and what was written, and for an unknown
// key the closest known one. The wording is data (messages-ja.json); the keyword names are Ajv's.
import type { ErrorObject } from 'ajv';
import ja from './messages-ja.json';
import { schemaPaths, type JsonSchema } from './schema-paths.js';
import { closest } from './suggest.js';

/** Where the data being validated came from: named at the head of every message. */
export interface ConfigSource {
  /** What it is, in Japanese: 「設定ファイル」「サービス設定ファイル」「ポリシーファイル」「設定」. */
  label: string;
  /** The file as the user named it, when the data came from a file. */
  file?: string;
  /** A name for a path other than 「<label> <file> の <path>」, e.g. the command-line flag that set it. */
  nameOf?: (path: string) => string | undefined;
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A word set between Japanese text: a space on each side that is Latin ("は true か false で", "は数値で"). */
export function spaced(word: string): string {
  return `${/^[\x21-\x7e]/.test(word) ? ' ' : ''}${word}${/[\x21-\x7e]$/.test(word) ? ' ' : ''}`;
}

/** A space after a subject that ends in Latin (「scope.maxPages は」, but 「…navigationMs）は」). */
function spacedEnd(subject: string): string {
  return /[\x21-\x7e]$/.test(subject) ? `${subject} ` : subject;
}

/** A JSON pointer (/waivers/0/reason) as people write paths (waivers[0].reason). */
export function dottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** How a written value is shown after 「指定:」: as JSON, cut short. */
export function shown(value: unknown): string {
  const s = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** What a message is about: the flag that set it, or 「<label> <file> の <path>」. */
export function subjectOf(source: ConfigSource, path: string): string {
  const named = path ? source.nameOf?.(path) : undefined;
  if (named) return named;
  const root = fill(source.file ? ja.root : ja.rootNoFile, { label: source.label, file: source.file ?? '' });
  // 「設定の scope.maxPages」 but 「設定ファイル a.json の scope.maxPages」
  return path ? fill(ja.at, { root: spacedEnd(root), path }) : root;
}

/** "did you mean": a sibling key first, else the same key elsewhere in the schema (maxPages → scope.maxPages). */
function suggestion(key: string, parentPath: string, parent: JsonSchema | undefined, root: JsonSchema): string | undefined {
  const sibling = closest(key, Object.keys(parent?.properties ?? {}).filter((k) => !k.startsWith('$')));
  if (sibling) return parentPath ? `${parentPath}.${sibling}` : sibling;
  const byLast = new Map(schemaPaths(root).map((p) => [p.split('.').pop()!, p] as const));
  const elsewhere = closest(key, byLast.keys());
  return elsewhere ? byLast.get(elsewhere) : undefined;
}

function list(values: unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' / ');
}

/** One Ajv error (compiled with `verbose: true`) as one Japanese sentence. */
export function errorText(e: ErrorObject, source: ConfigSource, root: JsonSchema): string {
  const path = dottedPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as JsonSchema | undefined;
  // a secret (`writeOnly` in the schema: passwords, tokens) is never echoed back
  const bare = subjectOf(source, path);
  const base = { subject: spacedEnd(bare), bare, value: parent?.writeOnly ? ja.secret : shown(e.data) };
  switch (e.keyword) {
    case 'additionalProperties': {
      const keyPath = path ? `${path}.${String(p.additionalProperty)}` : String(p.additionalProperty);
      const hint = suggestion(String(p.additionalProperty), path, parent, root);
      return fill(ja.unknownKey, { subject: spacedEnd(subjectOf(source, keyPath)) }) + (hint ? fill(ja.suggestion, { suggestion: hint }) : '');
    }
    case 'type': {
      const name = (t: string) => (ja.types as Record<string, string>)[t] ?? t;
      return fill(ja.type, { ...base, type: spaced(String(p.type).split(',').map(name).join(' か ')) });
    }
    case 'enum':
      return fill(ja.enum, { ...base, allowed: list(p.allowedValues as unknown[]) });
    case 'const':
      return fill(ja.const, { ...base, allowed: list([p.allowedValue]) });
    case 'required':
      return fill(ja.required, { ...base, missing: String(p.missingProperty) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return fill(ja[e.keyword], { ...base, limit: String(p.limit) });
    case 'uniqueItems':
      return fill(ja.uniqueItems, base);
    case 'pattern':
      return typeof parent?.patternErrorMessage === 'string'
        ? fill(ja.patternErrorMessage, { ...base, message: spaced(parent.patternErrorMessage) })
        : fill(ja.pattern, { ...base, pattern: String(p.pattern) });
    case 'format':
      return fill(ja.format, { ...base, format: spaced((ja.formats as Record<string, string>)[String(p.format)] ?? `${String(p.format)} の形式`) });
    default:
      return typeof parent?.errorMessage === 'string'
        ? fill(ja.errorMessage, { ...base, message: parent.errorMessage })
        : fill(ja.other, { ...base, detail: e.message ?? e.keyword });
  }
}

/**
 * The errors worth showing: a failed anyOf/oneOf speaks for its branches (their own errors only say
 * which branch missed what), a failed if/then is said by the `then` branch's own error (「… は必須です」),
 * and the same sentence is said once.
 */
export function errorTexts(errors: ErrorObject[], source: ConfigSource, root: JsonSchema): string[] {
  const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const kept = errors.filter((e) => e.keyword !== 'if' && !branches.some((b) => e.schemaPath.startsWith(b)));
  return [...new Set(kept.map((e) => errorText(e, source, root)))];
}
