-- PostgreSQL twin of crawler/store/sqlite/migrations/0002-run-order-indexes.sql (same tables and columns; dialect only, see 0001).
-- Version 2: indexes the streaming reads need. Pages and findings of a run are read in keyset-paged batches
-- (crawler/store/postgres/results-read.ts): by page id, and by (page id, finding id). Without these, each
-- batch scans or sorts every row of the run (the UNIQUE (run_id, url) index gives URL order, not id order).
CREATE INDEX IF NOT EXISTS pages_run ON pages(run_id);
CREATE INDEX IF NOT EXISTS findings_run_page ON findings(run_id, page_id);
