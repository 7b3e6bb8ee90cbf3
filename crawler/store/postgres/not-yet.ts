// Parts of the store not yet on PostgreSQL: every method fails at once with a Japanese StoreError naming the part
// (never a silent no-op or an empty answer that would look like "nothing there").
import { StoreError } from '../errors.js';
import { safeLocation } from './location.js';
import { PG_MESSAGES as M } from './messages.js';

/** A part whose every method (the names given) rejects with "not yet on PostgreSQL". */
export function notYetOnPostgres<T>(partName: string, location: string, methods: readonly (keyof T & string)[]): T {
  const where = safeLocation(location);
  const fail = () => new StoreError(M.notYet(partName, where), where, false);
  const out: Record<string, unknown> = {};
  for (const m of methods) out[m] = () => Promise.reject(fail());
  return out as T;
}
