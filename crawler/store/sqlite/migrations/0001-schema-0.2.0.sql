-- Version 1: the schema jis-a11y 0.2.0 wrote (tests/fixtures/stores/store-0.2.0.sqlite), statement for statement.
-- 0.2.0 had no migrations: its files have user_version 0 and created some tables only on first use
-- (page_validators, judgements, hook_*). Every statement is IF NOT EXISTS, so running this on a 0.2.0 file
-- changes nothing but adds the tables that file never needed.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  label TEXT,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  start_urls TEXT NOT NULL,
  config TEXT NOT NULL,
  tool_version TEXT NOT NULL DEFAULT '',
  axe_version TEXT NOT NULL DEFAULT '',
  browser TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT 'AA'
);
CREATE TABLE IF NOT EXISTS frontier (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  seq INTEGER NOT NULL,
  url TEXT NOT NULL,
  depth INTEGER NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',
  attempts INTEGER NOT NULL DEFAULT 0,
  parent_url TEXT,
  PRIMARY KEY (run_id, url)
);
CREATE INDEX IF NOT EXISTS frontier_queue ON frontier(run_id, state, depth, seq);
CREATE INDEX IF NOT EXISTS frontier_seq ON frontier(run_id, seq);
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  url TEXT NOT NULL,
  final_url TEXT,
  status INTEGER,
  content_type TEXT,
  title TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  content_hash TEXT,
  bytes INTEGER,
  depth INTEGER NOT NULL DEFAULT 0,
  audited_at TEXT NOT NULL,
  duration_ms INTEGER,
  error_code TEXT,
  error_message TEXT,
  criteria TEXT NOT NULL DEFAULT '[]',
  page_criteria TEXT NOT NULL DEFAULT '[]',
  nav TEXT NOT NULL DEFAULT '[]',
  UNIQUE (run_id, url)
);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  page_id INTEGER NOT NULL REFERENCES pages(id),
  rule_id TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  criteria TEXT NOT NULL,
  impact TEXT,
  selector TEXT NOT NULL,
  html TEXT NOT NULL,
  message TEXT NOT NULL,
  help TEXT NOT NULL,
  help_url TEXT NOT NULL,
  line INTEGER,
  col INTEGER
);
CREATE INDEX IF NOT EXISTS findings_run ON findings(run_id, kind);
CREATE INDEX IF NOT EXISTS findings_page ON findings(page_id);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  type TEXT NOT NULL,
  content_type TEXT,
  size INTEGER,
  status INTEGER,
  error_code TEXT,
  error_message TEXT,
  checked_at TEXT NOT NULL,
  UNIQUE (run_id, url)
);
CREATE TABLE IF NOT EXISTS links (
  run_id INTEGER NOT NULL,
  from_url TEXT NOT NULL,
  to_url TEXT NOT NULL,
  text TEXT NOT NULL,
  area TEXT NOT NULL,
  PRIMARY KEY (run_id, from_url, to_url, text, area)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_to ON links(run_id, to_url);
CREATE TABLE IF NOT EXISTS errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
CREATE TABLE IF NOT EXISTS page_validators (
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT,
  assets TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS judgements (
  id INTEGER PRIMARY KEY,
  criterion TEXT NOT NULL,
  result TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  who TEXT NOT NULL DEFAULT '',
  judged_at TEXT NOT NULL,
  scope TEXT NOT NULL,
  fingerprint TEXT,
  source TEXT NOT NULL DEFAULT 'cli',
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS judgements_criterion ON judgements(criterion);
CREATE TABLE IF NOT EXISTS hook_verdicts (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  channel TEXT NOT NULL,            -- 'cli' | 'http'
  mode TEXT NOT NULL,               -- 'html' | 'url'
  url TEXT NOT NULL,
  content_hash TEXT,                -- SHA-256 of the submitted/served HTML
  verdict TEXT NOT NULL,            -- 'pass' | 'block' | 'error'
  blocking INTEGER NOT NULL DEFAULT 0,
  review INTEGER NOT NULL DEFAULT 0,
  advisory INTEGER NOT NULL DEFAULT 0,
  waived INTEGER NOT NULL DEFAULT 0,
  policy_source TEXT,
  policy_hash TEXT,
  client TEXT,                      -- remote address or 'cli'
  duration_ms INTEGER,
  error_code TEXT,
  error_message TEXT,
  result TEXT                       -- the verdict JSON
);
CREATE INDEX IF NOT EXISTS hook_verdicts_url ON hook_verdicts(url, at);
CREATE TABLE IF NOT EXISTS hook_waiver_uses (
  id INTEGER PRIMARY KEY,
  verdict_id INTEGER NOT NULL REFERENCES hook_verdicts(id),
  status TEXT NOT NULL,             -- 'applied' | 'expired'
  rule TEXT NOT NULL,
  page_pattern TEXT,
  waiver_selector TEXT,
  finding_selector TEXT NOT NULL,
  reason TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS hook_waiver_uses_verdict ON hook_waiver_uses(verdict_id);
