// Where crawl, report, judge and the hook keep results unless told otherwise: one default store path.
import path from 'node:path';

export const DEFAULT_OUTPUT_DIR = 'jis-a11y-out';
export const STORE_FILE_NAME = 'jis-a11y.sqlite';
export const DEFAULT_STORE = path.join(DEFAULT_OUTPUT_DIR, STORE_FILE_NAME);
