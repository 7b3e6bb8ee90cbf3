-- Version 8: the workspace's test data (issue 15; crawler/store/sqlite/workspace.ts).
-- ws_assignments: who checks a criterion (page_url '' = the whole criterion) or one cell, by when (due: YYYY-MM-DD).
-- ws_page_templates: each audited page's template (the layout key of the page selection), written by the service
--   the first time the review queue looks at a run, so the queue groups 要確認 findings by rule × template in SQL.
-- ws_versions: every approved 試験結果 (version N of a test), never changed or removed: a change after approval is
--   a new version, and the old files stay in their folder.
-- Index for a 30,000-page store (bench/workspace.ts): review findings by rule (a page by URL has the UNIQUE index).
CREATE TABLE IF NOT EXISTS ws_assignments (
  test_id INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  page_url TEXT NOT NULL DEFAULT '',
  assignee TEXT NOT NULL,
  due TEXT,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (test_id, criterion, page_url)
);

CREATE TABLE IF NOT EXISTS ws_page_templates (
  page_id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  template TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ws_page_templates_run ON ws_page_templates(run_id, template, page_id);

CREATE TABLE IF NOT EXISTS ws_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  test_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  run_id INTEGER NOT NULL,
  statement_date TEXT NOT NULL,
  claim TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  folder TEXT NOT NULL,
  files TEXT NOT NULL,
  UNIQUE (test_id, version)
);

CREATE INDEX IF NOT EXISTS findings_run_kind_rule ON findings(run_id, kind, rule_id, page_id);

-- The review queue's groups of a run, counted once and kept until the run's review findings or page templates
-- change (ws_review_stamp holds what they were counted from): the queue then reads a page of groups by an index.
CREATE TABLE IF NOT EXISTS ws_review_groups (
  run_id INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  template TEXT NOT NULL,
  criteria TEXT NOT NULL,
  pages INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  PRIMARY KEY (run_id, rule_id, template)
);
CREATE INDEX IF NOT EXISTS ws_review_groups_order ON ws_review_groups(run_id, pages DESC, rule_id, template);
CREATE TABLE IF NOT EXISTS ws_review_stamp (
  run_id INTEGER PRIMARY KEY,
  findings INTEGER NOT NULL,
  max_id INTEGER NOT NULL,
  templates INTEGER NOT NULL
);
