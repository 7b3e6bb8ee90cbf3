// The workspace's test data in SQLite (migration 0008): assignments, page templates for the review queue, the
// queue's groups (review findings by rule × template, counted in SQL so no request reads all findings) and the
// approved versions of a 試験結果 (append-only: a version is never changed or removed).
import type { WorkspaceDataStore } from '../store.js';
import type { ApprovedVersion, Assignment } from '../workspace-data-types.js';
import type { Connection, Row } from './connection.js';
import { json, toPage } from '../rows.js';

function assignmentOf(r: Row): Assignment {
  return {
    testId: r.test_id as number,
    criterion: r.criterion as string,
    pageUrl: r.page_url as string,
    assignee: r.assignee as string,
    due: (r.due as string | null) ?? null,
    assignedBy: r.assigned_by as string,
    assignedAt: r.assigned_at as string,
  };
}

function versionOf(r: Row): ApprovedVersion {
  return {
    id: r.id as number,
    testId: r.test_id as number,
    version: r.version as number,
    runId: r.run_id as number,
    statementDate: r.statement_date as string,
    claim: r.claim as string,
    approvedBy: r.approved_by as string,
    approvedAt: r.approved_at as string,
    folder: r.folder as string,
    files: json<string[]>(r.files, []),
  };
}

/** What a run's groups were counted from: its review findings (count, newest id) and its page templates. */
function reviewStamp(c: Connection, runId: number): { findings: number; maxId: number; templates: number } {
  const f = c.stmt("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS m FROM findings WHERE run_id = ? AND kind = 'review'").get(runId) as { n: number; m: number };
  const t = c.stmt('SELECT COUNT(*) AS n FROM ws_page_templates WHERE run_id = ?').get(runId) as { n: number };
  return { findings: f.n, maxId: f.m, templates: t.n };
}

/** Counts the run's groups again when its review findings or templates changed since they were counted. */
function refreshGroups(c: Connection, runId: number): void {
  const now = reviewStamp(c, runId);
  const was = c.stmt('SELECT findings, max_id AS maxId, templates FROM ws_review_stamp WHERE run_id = ?').get(runId) as typeof now | undefined;
  if (was && was.findings === now.findings && was.maxId === now.maxId && was.templates === now.templates) return;
  c.write(() => {
    c.stmt('DELETE FROM ws_review_groups WHERE run_id = ?').run(runId);
    c.stmt(
      `INSERT INTO ws_review_groups (run_id, rule_id, template, criteria, pages, findings)
       SELECT f.run_id, f.rule_id, t.template, group_concat(DISTINCT f.criteria), COUNT(DISTINCT f.page_id), COUNT(*)
       FROM findings f JOIN ws_page_templates t ON t.page_id = f.page_id
       WHERE f.run_id = ? AND f.kind = 'review' GROUP BY f.rule_id, t.template`,
    ).run(runId);
    c.stmt('INSERT OR REPLACE INTO ws_review_stamp (run_id, findings, max_id, templates) VALUES (?, ?, ?, ?)').run(runId, now.findings, now.maxId, now.templates);
  });
}

function criteriaOf(concat: unknown): string[] {
  const criteria = new Set<string>();
  for (const part of String(concat ?? '').split(/(?<=\]),(?=\[)/)) for (const id of json<string[]>(part, [])) criteria.add(id);
  return [...criteria].sort();
}

/** Pages of a template that have a review finding of the rule: from the template's pages (an index), each probed. */
const GROUP_PAGES = `FROM ws_page_templates t JOIN pages p ON p.id = t.page_id
  WHERE t.run_id = ? AND t.template = ?
  AND EXISTS (SELECT 1 FROM findings f WHERE f.run_id = t.run_id AND f.kind = 'review' AND f.rule_id = ? AND f.page_id = t.page_id)`;

function queueReads(c: Connection): Pick<WorkspaceDataStore, 'reviewGroups' | 'reviewGroupPages' | 'reviewGroupFindings' | 'pagesOfTemplate'> {
  return {
    async reviewGroups(runId, { offset, limit }) {
      refreshGroups(c, runId);
      const total = (c.stmt('SELECT COUNT(*) AS n FROM ws_review_groups WHERE run_id = ?').get(runId) as { n: number }).n;
      const rows = c
        .stmt('SELECT rule_id, template, criteria, pages, findings FROM ws_review_groups WHERE run_id = ? ORDER BY pages DESC, rule_id, template LIMIT ? OFFSET ?')
        .all(runId, limit, offset) as Row[];
      const groups = rows.map((r) => ({ rule: r.rule_id as string, template: r.template as string, criteria: criteriaOf(r.criteria), pageCount: r.pages as number, findingCount: r.findings as number }));
      return { total, groups };
    },
    async reviewGroupPages(runId, rule, template, limit) {
      const rows = c.stmt(`SELECT p.id, p.url, p.title ${GROUP_PAGES} ORDER BY t.page_id LIMIT ?`).all(runId, template, rule, limit) as Row[];
      return rows.map((r) => ({ pageId: r.id as number, url: r.url as string, title: r.title as string }));
    },
    async reviewGroupFindings(runId, rule, template) {
      const rows = c
        .stmt(
          `SELECT p.url, f.rule_id, f.selector, f.html, f.criteria FROM ws_page_templates t JOIN pages p ON p.id = t.page_id
           JOIN findings f ON f.page_id = t.page_id AND f.run_id = t.run_id AND f.kind = 'review' AND f.rule_id = ?
           WHERE t.run_id = ? AND t.template = ? ORDER BY p.url, f.id`,
        )
        .all(rule, runId, template) as Row[];
      return rows.map((r) => ({ url: r.url as string, ruleId: r.rule_id as string, selector: r.selector as string, html: r.html as string, criteria: json<string[]>(r.criteria, []) }));
    },
    async pagesOfTemplate(runId, template) {
      const rows = c.stmt('SELECT p.id, p.url, p.title, p.content_hash FROM ws_page_templates t JOIN pages p ON p.id = t.page_id AND p.url = t.url WHERE t.run_id = ? AND t.template = ? ORDER BY p.url').all(runId, template) as Row[];
      return rows.map((r) => ({ pageId: r.id as number, url: r.url as string, title: r.title as string, contentHash: (r.content_hash as string | null) ?? null }));
    },
  };
}

export function sqliteWorkspaceData(c: Connection): WorkspaceDataStore {
  return {
    async assign(a) {
      const at = a.assignedAt ?? new Date().toISOString();
      c.write(() =>
        c
          .stmt(
            `INSERT INTO ws_assignments (test_id, criterion, page_url, assignee, due, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (test_id, criterion, page_url) DO UPDATE SET assignee = excluded.assignee, due = excluded.due, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
          )
          .run(a.testId, a.criterion, a.pageUrl, a.assignee, a.due, a.assignedBy, at),
      );
      return { ...a, assignedAt: at };
    },
    async assignment(testId, criterion, pageUrl) {
      const r = c.stmt('SELECT * FROM ws_assignments WHERE test_id = ? AND criterion = ? AND page_url = ?').get(testId, criterion, pageUrl) as Row | undefined;
      return r ? assignmentOf(r) : null;
    },
    async assignments(testId) {
      return (c.stmt('SELECT * FROM ws_assignments WHERE test_id = ? ORDER BY criterion, page_url').all(testId) as Row[]).map(assignmentOf);
    },
    async pagesByUrls(runId, urls) {
      const out = [];
      for (let i = 0; i < urls.length; i += 500) {
        const part = urls.slice(i, i + 500);
        const rows = c.prepareOnce(`SELECT * FROM pages WHERE run_id = ? AND url IN (${part.map(() => '?').join(', ')})`).all(runId, ...part) as Row[];
        out.push(...rows.map(toPage));
      }
      return out;
    },
    async pagesStamp(runId) {
      const r = c.stmt('SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS m FROM pages WHERE run_id = ?').get(runId) as { n: number; m: number };
      return `${r.n}:${r.m}`;
    },
    async pagesWithoutTemplate(runId) {
      const rows = c
        .stmt(
          `SELECT p.id, p.url, p.nav, p.template_key FROM pages p WHERE p.run_id = ? AND p.error_code IS NULL
           AND NOT EXISTS (SELECT 1 FROM ws_page_templates t WHERE t.page_id = p.id AND t.url = p.url)`,
        )
        .all(runId) as Row[];
      return rows.map((r) => ({ pageId: r.id as number, url: r.url as string, navKeys: json<{ key: string }[]>(r.nav, []).map((n) => n.key), templateKey: (r.template_key as string | null) ?? null }));
    },
    async saveTemplates(runId, rows) {
      const ins = c.stmt('INSERT OR REPLACE INTO ws_page_templates (page_id, run_id, url, template) VALUES (?, ?, ?, ?)');
      c.write(() => {
        for (const r of rows) ins.run(r.pageId, runId, r.url, r.template);
      });
    },
    ...queueReads(c),
    async recordVersion(v) {
      const at = v.approvedAt ?? new Date().toISOString();
      const id = c.write(() => {
        const next = ((c.stmt('SELECT MAX(version) AS v FROM ws_versions WHERE test_id = ?').get(v.testId) as { v: number | null }).v ?? 0) + 1;
        const r = c
          .stmt('INSERT INTO ws_versions (test_id, version, run_id, statement_date, claim, approved_by, approved_at, folder, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(v.testId, next, v.runId, v.statementDate, v.claim, v.approvedBy, at, v.folder, JSON.stringify(v.files));
        return Number(r.lastInsertRowid);
      });
      return versionOf(c.stmt('SELECT * FROM ws_versions WHERE id = ?').get(id) as Row);
    },
    async nextVersion(testId) {
      return ((c.stmt('SELECT MAX(version) AS v FROM ws_versions WHERE test_id = ?').get(testId) as { v: number | null }).v ?? 0) + 1;
    },
    async versions(testId) {
      return (c.stmt('SELECT * FROM ws_versions WHERE test_id = ? ORDER BY version').all(testId) as Row[]).map(versionOf);
    },
  };
}
