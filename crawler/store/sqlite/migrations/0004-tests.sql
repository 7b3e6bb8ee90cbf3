-- Version 4: the yearly JIS test (試験, issue 14; shapes in rules-jis/jis-test.ts, code in ./tests.ts).
-- A test owns its statement, the runs whose automated results it uses and the human judgements made for it.
-- At most one test is open at a time (tests_one_open). Judgements recorded before this version have
-- test_id NULL: they belong to no test and are only offered for carry-over (never applied to a test silently).
-- A carried judgement is a copy in the new test: it keeps its date and who, names its original
-- (carried_from) and, when its page changed since, is kept only as 「再確認」 material (recheck = 1).
-- run_id: the run whose pages gave a judgement its fingerprint (what it was made on), when known.
-- waiver: the recorded reason that answers an automated violation (≥ 10 characters; rules-jis/judgement-conflicts.ts).
CREATE TABLE IF NOT EXISTS tests (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  fiscal_year INTEGER,
  target TEXT NOT NULL DEFAULT 'AA',
  status TEXT NOT NULL DEFAULT 'open',
  statement TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS tests_one_open ON tests(status) WHERE status = 'open';
CREATE TABLE IF NOT EXISTS test_runs (
  test_id INTEGER NOT NULL REFERENCES tests(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  attached_at TEXT NOT NULL,
  PRIMARY KEY (test_id, run_id)
);
CREATE INDEX IF NOT EXISTS test_runs_run ON test_runs(run_id);
ALTER TABLE judgements ADD COLUMN test_id INTEGER REFERENCES tests(id);
ALTER TABLE judgements ADD COLUMN run_id INTEGER;
ALTER TABLE judgements ADD COLUMN carried_from INTEGER;
ALTER TABLE judgements ADD COLUMN recheck INTEGER NOT NULL DEFAULT 0;
ALTER TABLE judgements ADD COLUMN waiver TEXT;
CREATE INDEX IF NOT EXISTS judgements_test ON judgements(test_id);
