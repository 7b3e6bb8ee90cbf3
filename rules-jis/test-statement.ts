// Reading the statement (表明) of a yearly test: a JSON file (`test new --statement`, `test statement --file`)
// or `key=value` pairs (`test statement --set`), validated against schema/test-statement.schema.json with
// the tool's one config validator (rules-jis/config/validate.ts), so every problem is Japanese and names the
// key (and the closest known key for a typo). The 表明日 against the 試験実施期間 is the store's check
// (crawler/store/sqlite/tests.ts), since only the store knows the period. Node side (ajv).
import schemaJson from '../schema/test-statement.schema.json';
import { UsageError } from './exit-codes.js';
import type { TestStatement } from './jis-test.js';
import { ConfigSchema, type ConfigSource, type JsonSchema } from './config/validate.js';

export const testStatementSchema = new ConfigSchema<TestStatement>(schemaJson as JsonSchema);

/** Validates a statement; UsageError naming the source and each bad key. */
export function checkStatement(data: unknown, source: ConfigSource): TestStatement {
  const { $schema: _s, ...rest } = testStatementSchema.check<TestStatement & { $schema?: string }>(data, source);
  return rest;
}

/** A value written after `key=`: JSON for lists and objects (or a list written a, b / a、b), else the text. */
function readValue(key: string, text: string): unknown {
  const type = testStatementSchema.at(key)?.type;
  if (type !== 'array' && type !== 'object') return text;
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--set ${key} の JSON を読めません: ${(e as Error).message}`);
    }
  }
  return text.split(/\s*[,、]\s*/).filter(Boolean);
}

/**
 * Applies `key=value` pairs to a statement and validates the result. An empty value (`key=`) removes the key.
 * Throws UsageError (「--set の … は …」) naming the pair.
 */
export function applyStatementSets(base: TestStatement, sets: string[]): TestStatement {
  const out: Record<string, unknown> = { ...base };
  for (const pair of sets) {
    const m = /^\s*([A-Za-z]+)\s*=([\s\S]*)$/.exec(pair);
    if (!m) throw new UsageError(`--set「${pair}」を読めません。key=value の形で指定してください（例: --set statementDate=2026-12-01）`);
    const [, key, value] = m;
    if (value.trim() === '') delete out[key];
    else out[key] = readValue(key, value.trim());
  }
  return checkStatement(out, { label: '表明', nameOf: (p) => `--set ${p}` });
}
