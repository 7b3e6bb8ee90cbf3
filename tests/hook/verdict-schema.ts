// Validates hook verdicts (CLI stdout, HTTP bodies) against schema/hook-verdict.schema.json, which refers
// to schema/result.schema.json for findings and criteria.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

const root = path.resolve(import.meta.dirname, '../..');
// CommonJS packages: under ESM interop the export may sit on `.default` (as in tests/helpers/schema.ts).
type AjvLike = { addSchema(s: object): void; compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] | null } };
const Ajv2020 = ((Ajv2020Import as unknown as { default?: unknown }).default ?? Ajv2020Import) as new (o: object) => AjvLike;
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (a: unknown) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(path.join(root, 'schema/result.schema.json'), 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schema/hook-verdict.schema.json'), 'utf8')));
export const conforms = (json: unknown): boolean => {
  const ok = validate(json);
  if (!ok) console.error(validate.errors);
  return ok;
};

