-- PostgreSQL twin of crawler/store/sqlite/migrations/0010-page-templates.sql (same tables and columns; dialect only, see 0001).
-- The template a page was built from and the widget set of its content (issue 19, rules-jis/page/template-identity.ts):
-- hashes, so reports group pages by template and the keyboard phase runs once per template × widget set.
ALTER TABLE pages ADD COLUMN template_key TEXT COLLATE "C";
ALTER TABLE pages ADD COLUMN widget_key TEXT COLLATE "C";
CREATE INDEX IF NOT EXISTS pages_template ON pages(run_id, template_key);
-- Where a finding's element is: the template's own parts (outside the main content) or the page's content.
ALTER TABLE findings ADD COLUMN region TEXT COLLATE "C";
