// Why a document could not be checked: its own error codes (rules-jis/types.ts ErrorCode) with a Japanese
// message that says what to do at the source. The crawl records them against the document and goes on.
import type { ErrorCode } from '../../../rules-jis/types.js';

export class DocumentReadError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'document-unreadable' | 'document-encrypted' | 'too-large' | 'timeout'>,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}
