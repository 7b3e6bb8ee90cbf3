// The page-size limit of `check` and the pre-publish hook (`--max-page-bytes`, by default the crawl's
// maxPageBytes) and the crawl (gather-page.ts): one wording of "too large" for files, URLs and submitted HTML, in sizes people read.

/** 5242880 → "5.0 MB", 2048 → "2 KB", 100 → "100 バイト". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} バイト`;
}

/**
 * The message for `what` (a file, a URL, "HTML") over `maxBytes` (error code too-large); `bytes` when the
 * whole size is known, not when reading stopped at the limit.
 */
export function tooLargeMessage(what: string, maxBytes: number, bytes?: number, setting = '--max-page-bytes'): string {
  const size = bytes === undefined ? '' : ` ${formatBytes(bytes)} あり、`;
  return `${what} は${size}上限（${formatBytes(maxBytes)}）を超えるため検査しませんでした。ページを分割するか、上限（${setting}）を見直してください。`;
}
