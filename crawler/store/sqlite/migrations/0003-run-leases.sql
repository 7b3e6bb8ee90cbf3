-- Version 3: a lease on a run (crawler/store/sqlite/leases.ts). A crawl holds its run's lease while it works
-- and renews it every few seconds; a second crawl or --resume of the same run is refused while the lease is
-- live, and may take it once it has expired (the holder died without a word, e.g. SIGKILL). One row per run
-- at most; no row: nobody is crawling the run. Times are ISO 8601 (UTC, as toISOString writes them).
CREATE TABLE IF NOT EXISTS run_leases (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  token TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  pid_space TEXT,
  acquired_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
