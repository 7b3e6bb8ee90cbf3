// The page selection of a test on PostgreSQL (test_selection, test_draws), as crawler/store/sqlite/selection.ts: a
// plan is committed before anything is drawn, a plan is drawn once, and the pages of a draw replace the test's
// random pages in the same transaction that records the draw.
import type { DrawLog } from '../../../rules-jis/jis-test.js';
import { toDraw, toSelectedPage } from '../rows.js';
import type { SelectionStore } from '../store.js';
import type { PgConnection, Q } from './connection.js';


async function getDraw(q: Q, id: number): Promise<DrawLog | null> {
  const r = await q.get('SELECT * FROM test_draws WHERE id = ?', [id]);
  return r ? toDraw(r) : null;
}

export function pgSelection(c: PgConnection): SelectionStore {
  return {
    async listSelection(testId) {
      const rows = await c.q.all("SELECT * FROM test_selection WHERE test_id = ? ORDER BY CASE kind WHEN 'representative' THEN 0 ELSE 1 END, position", [testId]);
      return rows.map(toSelectedPage);
    },

    async replaceRepresentative(testId, pages) {
      await c.write(async (tx) => {
        await tx.run("DELETE FROM test_selection WHERE test_id = ? AND kind = 'representative'", [testId]);
        const seen = new Set<string>();
        for (const [i, p] of pages.entries()) {
          if (seen.has(p.url)) continue;
          seen.add(p.url);
          await tx.run("INSERT INTO test_selection (test_id, url, kind, reason, source, draw_id, position) VALUES (?, ?, 'representative', ?, ?, NULL, ?)", [
            testId, p.url, p.reason, p.source ?? 'user', i,
          ]);
        }
      });
    },

    async planDraw(testId, plan) {
      const at = plan.plannedAt ?? new Date().toISOString();
      const r = await c.write((tx) =>
        tx.get<{ id: number }>('INSERT INTO test_draws (test_id, n, seed, population, population_hash, planned_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [
          testId, plan.n, plan.seed, plan.population, plan.populationHash ?? null, at,
        ]),
      );
      return (await getDraw(c.q, r!.id))!;
    },

    async getDraw(drawId) {
      return getDraw(c.q, drawId);
    },

    async recordDraw(drawId, drawn, drawnAt) {
      const at = drawnAt ?? new Date().toISOString();
      return c.write(async (tx) => {
        const plan = await getDraw(tx, drawId);
        if (!plan) throw new Error(`抽選 #${drawId} の計画がストアにありません。抽選は、乱数の種を記録してから行います（planDraw）。`);
        if (plan.urls !== null) throw new Error(`抽選 #${drawId} は ${plan.drawnAt} に済んでいます。同じ計画で抽選をやり直すことはできません（新しい抽選は記録に残ります）。`);
        await tx.run('UPDATE test_draws SET urls = ?, drawn_at = ? WHERE id = ?', [JSON.stringify(drawn.map((d) => d.url)), at, drawId]);
        await tx.run("DELETE FROM test_selection WHERE test_id = ? AND kind = 'random'", [plan.testId]);
        for (const [i, d] of drawn.entries()) {
          await tx.run("INSERT INTO test_selection (test_id, url, kind, reason, source, draw_id, position) VALUES (?, ?, 'random', ?, 'draw', ?, ?)", [plan.testId, d.url, d.reason, drawId, i]);
        }
        return (await getDraw(tx, drawId))!;
      });
    },

    async listDraws(testId) {
      return (await c.q.all('SELECT * FROM test_draws WHERE test_id = ? ORDER BY id', [testId])).map(toDraw);
    },
  };
}
