// Validate JSON against the repo's result schema (schema/result.schema.json) with Ajv (draft 2020-12).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

// Both packages are CommonJS with a default export; under ESM interop the class may sit on `.default`.
type AjvCtor = new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
const Ajv2020 = ((Ajv2020Import as unknown as { default?: AjvCtor }).default ?? Ajv2020Import) as AjvCtor;
const addFormats = ((addFormatsImport as unknown as { default?: (ajv: unknown) => void }).default ?? addFormatsImport) as (ajv: unknown) => void;

export function schemaValidator(file = 'schema/result.schema.json') {
  const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
