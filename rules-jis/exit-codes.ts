// Documented exit codes (README): 0 pass, 1 failing criteria, 2 usage or runtime error.
export const EXIT = { PASS: 0, FAIL: 1, ERROR: 2 } as const;

/** A mistake in how the command was called: exit 2 with this message, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
