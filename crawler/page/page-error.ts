// The error of a page that could not be audited: a code of the shared vocabulary (rules-jis ErrorCode) and
// a Japanese message. Its own module so the page wing's helpers (page-guard.ts) need not import the audit.
import type { ErrorCode } from '../../rules-jis/types.js';

export class PageAuditError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PageAuditError';
  }
}
