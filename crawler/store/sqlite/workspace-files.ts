// The workspace's files in SQLite (ws_files, page_screenshots, evidence: migration 0009). The bytes are not
// here: they are content-addressed files beside the store (crawler/store/files.ts); these rows say what a
// file is (its type, so it is served with the type it was recorded with), which page's screenshot it is in
// which run with the boxes of the findings, and what evidence a tester gave, by whom and when.
import type { WorkspaceFileStore } from '../store.js';
import type { EvidenceKind, FindingBox, StoredEvidence, StoredFileInfo, StoredFileMime, StoredScreenshot } from '../files-types.js';
import type { Connection, Row } from './connection.js';

function fileOf(r: Row): StoredFileInfo {
  return { sha256: r.sha256 as string, mime: r.mime as StoredFileMime, bytes: r.bytes as number, createdAt: r.created_at as string };
}

function screenshotOf(r: Row): StoredScreenshot {
  return {
    runId: r.run_id as number,
    url: r.url as string,
    sha256: r.sha256 as string,
    width: r.width as number,
    height: r.height as number,
    pageHeight: r.page_height as number,
    boxes: JSON.parse(r.boxes as string) as FindingBox[],
    takenAt: r.taken_at as string,
  };
}

function evidenceOf(r: Row): StoredEvidence {
  return {
    id: r.id as number,
    sha256: r.sha256 as string,
    kind: r.kind as EvidenceKind,
    pageUrl: (r.page_url as string | null) ?? null,
    criterion: (r.criterion as string | null) ?? null,
    testId: (r.test_id as number | null) ?? null,
    note: (r.note as string | null) ?? null,
    actor: r.actor as string,
    createdAt: r.created_at as string,
    mime: r.mime as StoredFileMime,
    bytes: r.bytes as number,
  };
}

const INSERT_FILE = 'INSERT OR IGNORE INTO ws_files (sha256, mime, bytes, created_at) VALUES (?, ?, ?, ?)';
const SHOT_COLUMNS = 'run_id, url, sha256, width, height, page_height, boxes, taken_at';
const EVIDENCE_SELECT = 'SELECT e.*, f.mime, f.bytes FROM evidence e JOIN ws_files f ON f.sha256 = e.sha256';

export function sqliteWorkspaceFiles(c: Connection): WorkspaceFileStore {
  return {
    async recordFile(file, now) {
      c.write(() => c.stmt(INSERT_FILE).run(file.sha256, file.mime, file.bytes, now ?? new Date().toISOString()));
    },

    async fileInfo(sha256) {
      const r = c.stmt('SELECT * FROM ws_files WHERE sha256 = ?').get(sha256) as Row | undefined;
      return r ? fileOf(r) : null;
    },

    async saveScreenshot(runId, s) {
      c.write(() =>
        c
          .stmt(`INSERT OR REPLACE INTO page_screenshots (${SHOT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(runId, s.url, s.sha256, s.width, s.height, s.pageHeight, JSON.stringify(s.boxes), s.takenAt ?? new Date().toISOString()),
      );
    },

    async screenshotOf(runId, url) {
      const r = c.stmt('SELECT * FROM page_screenshots WHERE run_id = ? AND url = ?').get(runId, url) as Row | undefined;
      return r ? screenshotOf(r) : null;
    },

    async latestScreenshot(url) {
      const r = c.stmt('SELECT * FROM page_screenshots WHERE url = ? ORDER BY run_id DESC LIMIT 1').get(url) as Row | undefined;
      return r ? screenshotOf(r) : null;
    },

    async carryScreenshot(fromRunId, toRunId, url) {
      return c.write(() => {
        const r = c
          .stmt(`INSERT OR REPLACE INTO page_screenshots (${SHOT_COLUMNS}) SELECT ?, url, sha256, width, height, page_height, boxes, taken_at FROM page_screenshots WHERE run_id = ? AND url = ?`)
          .run(toRunId, fromRunId, url);
        return r.changes > 0;
      });
    },

    async addEvidence(e) {
      const id = c.write(() =>
        Number(
          c
            .stmt('INSERT INTO evidence (sha256, kind, page_url, criterion, test_id, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(e.sha256, e.kind, e.pageUrl, e.criterion, e.testId, e.note, e.actor, e.createdAt ?? new Date().toISOString()).lastInsertRowid,
        ),
      );
      return evidenceOf(c.stmt(`${EVIDENCE_SELECT} WHERE e.id = ?`).get(id) as Row);
    },

    async evidenceOfPage(url, opts = {}) {
      const rows = (opts.testId != null
        ? c.stmt(`${EVIDENCE_SELECT} WHERE e.page_url = ? AND e.test_id = ? ORDER BY e.id`).all(url, opts.testId)
        : c.stmt(`${EVIDENCE_SELECT} WHERE e.page_url = ? ORDER BY e.id`).all(url)) as Row[];
      return rows.map(evidenceOf);
    },
  };
}
