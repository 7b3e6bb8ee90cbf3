-- Version 6: documents are checked, not only listed (issue 18). A document row says whether its content was
-- checked (checked = 1: a PDF or Office file downloaded and read; 0: inventory only, e.g. --no-check-documents,
-- a CSV, or an error), the format read, its validators and SHA-256 for the next run's reuse (reused_from: the
-- run whose findings were copied because the file was unchanged), and what the reader found (title, lang,
-- pages). Its findings live in document_findings, keyed by run and document URL (a document row is replaced
-- whole when written again, so its findings are replaced with it).
ALTER TABLE documents ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN format TEXT;
ALTER TABLE documents ADD COLUMN etag TEXT;
ALTER TABLE documents ADD COLUMN last_modified TEXT;
ALTER TABLE documents ADD COLUMN content_hash TEXT;
ALTER TABLE documents ADD COLUMN title TEXT;
ALTER TABLE documents ADD COLUMN lang TEXT;
ALTER TABLE documents ADD COLUMN pages INTEGER;
ALTER TABLE documents ADD COLUMN reused_from INTEGER;
CREATE TABLE IF NOT EXISTS document_findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  document_url TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  criteria TEXT NOT NULL,
  impact TEXT,
  message TEXT NOT NULL,
  help TEXT NOT NULL,
  help_url TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_findings_doc ON document_findings(run_id, document_url);
