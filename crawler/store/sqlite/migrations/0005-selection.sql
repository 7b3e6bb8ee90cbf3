-- Version 5: the page selection of a test (JIS X 8341-3:2016 附属書JB.1.2; crawler/store/sqlite/selection.ts).
-- test_draws: every random draw, planned (seed, n, population, time) BEFORE the pages are drawn, so a draw
-- cannot be repeated until a better sample comes up without it showing: a plan with urls NULL was never drawn,
-- and every draw of a test stays listed. test_selection: the pages of a test, 代表 (representative: named by a
-- person or a suggestion a person accepted) or ランダム (random: from the draw in draw_id), each with why.
-- test_id is a plain integer (the tests table of migration 4 owns the ids). Times are ISO 8601 UTC.
CREATE TABLE IF NOT EXISTS test_draws (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  test_id INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 1),
  seed TEXT NOT NULL,
  population INTEGER NOT NULL,
  population_hash TEXT,
  planned_at TEXT NOT NULL,
  urls TEXT,
  drawn_at TEXT
);
CREATE INDEX IF NOT EXISTS test_draws_test ON test_draws(test_id, id);

CREATE TABLE IF NOT EXISTS test_selection (
  test_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('representative', 'random')),
  reason TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('user', 'suggested', 'draw')),
  draw_id INTEGER REFERENCES test_draws(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (test_id, kind, url)
);
