// One way to read every config file of the tool (crawl config, service config, policy): JSON Schema in
// schema/*.schema.json, validated with Ajv (draft 2020-12), defaults taken from the schema, and each
// problem told in Japanese with the file and the key (rules-jis/config/messages.ts). No Node APIs here:
// the callers read the files (crawler/crawl/config.ts, crawler/service/config.ts, crawler/hook/policy.ts).
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UsageError } from '../exit-codes.js';
import { errorTexts, fill, type ConfigSource } from './messages.js';
import ja from './messages-ja.json';
import { mapPathValues, schemaAt, schemaPaths, type JsonSchema } from './schema-paths.js';

export type { ConfigSource } from './messages.js';
export type { JsonSchema } from './schema-paths.js';

// Both packages are CommonJS with a default export; under ESM interop the class may sit on `.default`
// (as in tests/helpers/schema.ts).
type AjvInstance = import('ajv').default;
type AjvCtor = new (opts: object) => AjvInstance;
const Ajv2020 = ((Ajv2020Import as unknown as { default?: AjvCtor }).default ?? Ajv2020Import) as unknown as AjvCtor;
const addFormats = ((addFormatsImport as unknown as { default?: (ajv: unknown) => void }).default ?? addFormatsImport) as (ajv: unknown) => void;

/**
 * Keywords our schemas carry for people and editors, not for validation: `x-path` (ours, see
 * schema-paths.ts) and the message keywords VS Code's JSON editor shows instead of its own.
 */
const ANNOTATIONS = ['x-path', 'patternErrorMessage', 'errorMessage', 'markdownDescription'];

const instances = new Map<boolean, AjvInstance>();

/** One Ajv per mode: `useDefaults` is an instance option, and a file is checked without defaults. */
function ajv(defaults: boolean): AjvInstance {
  let a = instances.get(defaults);
  if (!a) {
    a = new Ajv2020({ allErrors: true, verbose: true, useDefaults: defaults, strict: true, strictRequired: false });
    addFormats(a);
    for (const k of ANNOTATIONS) a.addKeyword(k);
    instances.set(defaults, a);
  }
  return a;
}

export interface CheckOptions {
  /** Fill the schema's defaults into `data` (it is changed in place). Off for a partial config such as one file. */
  defaults?: boolean;
}

/** A config schema: validation with Japanese errors, and the map of its keys. */
export class ConfigSchema<T> {
  private readonly compiled = new Map<boolean, ValidateFunction>();

  constructor(readonly schema: JsonSchema) {}

  /**
   * Validates `data` and returns it typed (as `R` for a part of the config); throws UsageError (exit 2)
   * with one line per problem.
   */
  check<R = T>(data: unknown, source: ConfigSource, opts: CheckOptions = {}): R {
    const defaults = !!opts.defaults;
    let validate = this.compiled.get(defaults);
    if (!validate) this.compiled.set(defaults, (validate = ajv(defaults).compile(this.schema)));
    if (!validate(data)) throw new UsageError(errorTexts(validate.errors as ErrorObject[], source, this.schema).join('\n'));
    return data as R;
  }

  /** The sub-schema at a dotted path ("scope.maxPages"). */
  at(path: string): JsonSchema | undefined {
    return schemaAt(this.schema, path);
  }

  /** Every key as a dotted path. */
  paths(): string[] {
    return schemaPaths(this.schema);
  }

  /** A copy with every file path (`"x-path": true`) passed through `fn`, e.g. resolved against the file's folder. */
  mapPaths<D>(data: D, fn: (value: string) => string): D {
    return mapPathValues(this.schema, data, fn);
  }
}

/** 「設定ファイルが見つかりません: …」 */
export function configNotFound(source: ConfigSource): UsageError {
  return new UsageError(fill(ja.notFound, { label: source.label, file: source.file ?? '' }));
}

/**
 * Reads and parses a JSON config: `read` returns the text (a missing file, ENOENT, becomes
 * 「…が見つかりません」), and a syntax error names the file.
 */
export function readJsonConfig(read: () => string, source: ConfigSource): unknown {
  let text: string;
  try {
    text = read();
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw configNotFound(source);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(fill(ja.badJson, { label: source.label, file: source.file ?? '', error: (e as Error).message }));
  }
}
