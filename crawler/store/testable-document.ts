// Which stored documents a test can include and a person can judge: those the document checks read without an
// error. One definition for the report's document selection and for the judge's URL check.
import type { StoredDocument } from './types.js';

/** A document the checks read without an error (a format they know, downloaded whole). */
export function testableDocument(d: StoredDocument): boolean {
  return d.checked && !d.error && !!d.format;
}
