-- Version 9: the workspace's files (issue 15, crawler/store/sqlite/workspace-files.ts). The bytes live beside the
-- store as content-addressed files (<store>.files/<sha256>, crawler/store/files.ts); these tables say what each
-- one is and where it belongs. ws_files: one row per stored file (its type and size), so a file is served only
-- with the type it was recorded with. page_screenshots: the screenshot of a page in a run (taken during the
-- crawl for the test's selected pages and the top page), with the boxes of the page's findings at capture time
-- (JSON [{ selector, x, y, width, height }] in the picture's pixels) so they can be drawn on it; a page reused
-- by an incremental audit carries its screenshot row to the new run (same file). evidence: what a tester
-- uploaded for a page and criterion (an image, re-encoded, or a short note kept as text), with who and when.
-- Times are ISO 8601 UTC.
CREATE TABLE IF NOT EXISTS ws_files (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS page_screenshots (
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES ws_files(sha256),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  page_height INTEGER NOT NULL,
  boxes TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  PRIMARY KEY (run_id, url)
);
CREATE INDEX IF NOT EXISTS page_screenshots_url ON page_screenshots(url, run_id);

CREATE TABLE IF NOT EXISTS evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sha256 TEXT NOT NULL REFERENCES ws_files(sha256),
  kind TEXT NOT NULL CHECK (kind IN ('image', 'note')),
  page_url TEXT,
  criterion TEXT,
  test_id INTEGER,
  note TEXT,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_page ON evidence(page_url, id);
CREATE INDEX IF NOT EXISTS evidence_sha ON evidence(sha256);
