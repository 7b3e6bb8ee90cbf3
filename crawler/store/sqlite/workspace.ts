// The workspace's test data in SQLite (migration 0008): assignments, page templates for the review queue, the
// queue's groups (review findings by rule × template, counted in SQL so no request reads all findings) and the
// approved versions of a 試験結果 (append-only: a version is never changed or removed).
import type { WorkspaceDataStore } from '../store.js';
import type { ApprovedVersion, Assignment } from '../workspace-data-types.js';
import type { Connection, Row } from './connection.js';
import { json } from './rows.js';

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

const GROUP_FROM = `FROM findings f JOIN ws_page_templates t ON t.page_id = f.page_id
  WHERE f.run_id = ? AND f.kind = 'review'`;

function queueReads(c: Connection): Pick<WorkspaceDataStore, 'reviewGroups' | 'reviewGroupPages' | 'reviewGroupFindings' | 'pagesOfTemplate'> {
  return {
    async reviewGroups(runId, { offset, limit }) {
      const total = (c.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 ${GROUP_FROM} GROUP BY f.rule_id, t.template)`).get(runId) as { n: number }).n;
      const rows = c
        .stmt(
          `SELECT f.rule_id AS rule, t.template AS template, COUNT(DISTINCT f.page_id) AS pages, COUNT(*) AS n, group_concat(DISTINCT f.criteria) AS crit
           ${GROUP_FROM} GROUP BY f.rule_id, t.template ORDER BY pages DESC, f.rule_id, t.template LIMIT ? OFFSET ?`,
        )
        .all(runId, limit, offset) as Row[];
      const groups = rows.map((r) => {
        const criteria = new Set<string>();
        for (const part of String(r.crit ?? '').split(/(?<=\]),(?=\[)/)) for (const id of json<string[]>(part, [])) criteria.add(id);
        return { rule: r.rule as string, template: r.template as string, criteria: [...criteria].sort(), pageCount: r.pages as number, findingCount: r.n as number };
      });
      return { total, groups };
    },
    async reviewGroupPages(runId, rule, template, limit) {
      const rows = c
        .stmt(
          `SELECT p.id, p.url, p.title FROM pages p WHERE p.id IN (SELECT f.page_id ${GROUP_FROM} AND f.rule_id = ? AND t.template = ?)
           ORDER BY p.url LIMIT ?`,
        )
        .all(runId, rule, template, limit) as Row[];
      return rows.map((r) => ({ pageId: r.id as number, url: r.url as string, title: r.title as string }));
    },
    async reviewGroupFindings(runId, rule, template) {
      const rows = c
        .stmt(`SELECT p.url, f.rule_id, f.selector, f.html, f.criteria ${GROUP_FROM.replace('FROM findings f', 'FROM findings f JOIN pages p ON p.id = f.page_id')} AND f.rule_id = ? AND t.template = ? ORDER BY p.url, f.id`)
        .all(runId, rule, template) as Row[];
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
    async pagesWithoutTemplate(runId) {
      const rows = c
        .stmt(
          `SELECT p.id, p.url, p.nav FROM pages p WHERE p.run_id = ? AND p.error_code IS NULL
           AND NOT EXISTS (SELECT 1 FROM ws_page_templates t WHERE t.page_id = p.id AND t.url = p.url)`,
        )
        .all(runId) as Row[];
      return rows.map((r) => ({ pageId: r.id as number, url: r.url as string, navKeys: json<{ key: string }[]>(r.nav, []).map((n) => n.key) }));
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
