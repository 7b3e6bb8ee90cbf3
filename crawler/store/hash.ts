// SHA-256 (hex) of text, for what the store keeps as fingerprints: judged snippets (./judgements.ts) and the
// HTML behind a pre-publish verdict (./sqlite/hook-log.ts). Node-only, which is why it is not in rules-jis.
import { createHash } from 'node:crypto';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
