// The page selection of a test in SQLite (test_selection, test_draws: migration 0005). Why a module of its own:
// the draw log is what makes a random sample trustworthy (JB.1.2), so its rules live in one place — a plan is
// committed before anything is drawn, a plan is drawn once, and the pages of a draw replace the test's random
// pages in the same transaction that records the draw.
import { toDraw, toSelectedPage } from '../rows.js';
import type { SelectionStore } from '../store.js';
import type { Connection, Row } from './connection.js';


export function sqliteSelection(c: Connection): SelectionStore {
  const getDraw = (id: number) => {
    const r = c.stmt('SELECT * FROM test_draws WHERE id = ?').get(id) as Row | undefined;
    return r ? toDraw(r) : null;
  };
  return {
    async listSelection(testId) {
      const rows = c
        .stmt("SELECT * FROM test_selection WHERE test_id = ? ORDER BY CASE kind WHEN 'representative' THEN 0 ELSE 1 END, position")
        .all(testId) as Row[];
      return rows.map(toSelectedPage);
    },

    async replaceRepresentative(testId, pages) {
      const ins = c.stmt('INSERT INTO test_selection (test_id, url, kind, reason, source, draw_id, position) VALUES (?, ?, ?, ?, ?, NULL, ?)');
      c.write(() => {
        c.stmt("DELETE FROM test_selection WHERE test_id = ? AND kind = 'representative'").run(testId);
        const seen = new Set<string>();
        pages.forEach((p, i) => {
          if (seen.has(p.url)) return;
          seen.add(p.url);
          ins.run(testId, p.url, 'representative', p.reason, p.source ?? 'user', i);
        });
      });
    },

    async planDraw(testId, plan) {
      const at = plan.plannedAt ?? new Date().toISOString();
      const r = c.write(() =>
        c
          .stmt('INSERT INTO test_draws (test_id, n, seed, population, population_hash, planned_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(testId, plan.n, plan.seed, plan.population, plan.populationHash ?? null, at),
      );
      return getDraw(Number(r.lastInsertRowid))!;
    },

    async getDraw(drawId) {
      return getDraw(drawId);
    },

    async recordDraw(drawId, drawn, drawnAt) {
      const at = drawnAt ?? new Date().toISOString();
      const ins = c.stmt("INSERT INTO test_selection (test_id, url, kind, reason, source, draw_id, position) VALUES (?, ?, 'random', ?, 'draw', ?, ?)");
      return c.write(() => {
        const plan = getDraw(drawId);
        if (!plan) throw new Error(`抽選 #${drawId} の計画がストアにありません。抽選は、乱数の種を記録してから行います（planDraw）。`);
        if (plan.urls !== null) throw new Error(`抽選 #${drawId} は ${plan.drawnAt} に済んでいます。同じ計画で抽選をやり直すことはできません（新しい抽選は記録に残ります）。`);
        c.stmt('UPDATE test_draws SET urls = ?, drawn_at = ? WHERE id = ?').run(JSON.stringify(drawn.map((d) => d.url)), at, drawId);
        c.stmt("DELETE FROM test_selection WHERE test_id = ? AND kind = 'random'").run(plan.testId);
        drawn.forEach((d, i) => ins.run(plan.testId, d.url, d.reason, drawId, i));
        return getDraw(drawId)!;
      });
    },

    async listDraws(testId) {
      return (c.stmt('SELECT * FROM test_draws WHERE test_id = ? ORDER BY id').all(testId) as Row[]).map(toDraw);
    },
  };
}
