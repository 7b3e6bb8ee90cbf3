-- PostgreSQL twin of crawler/store/sqlite/migrations/0003-run-leases.sql (same tables and columns; dialect only, see 0001).
-- Version 3: a lease on a run (crawler/store/postgres/leases.ts). A crawl holds its run's lease while it works
-- and renews it every few seconds; a second crawl or --resume of the same run is refused while the lease is
-- live, and may take it once it has expired (the holder died without a word, e.g. SIGKILL). One row per run
-- at most; no row: nobody is crawling the run. Times are ISO 8601 (UTC, as toISOString writes them).
CREATE TABLE IF NOT EXISTS run_leases (
  run_id BIGINT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  token TEXT COLLATE "C" NOT NULL,
  host TEXT COLLATE "C" NOT NULL,
  pid BIGINT NOT NULL,
  pid_space TEXT COLLATE "C",
  acquired_at TEXT COLLATE "C" NOT NULL,
  heartbeat_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);
