// After each scheduled run the service regenerates the reports: reports/generate.ts `generateReports`
// writes every report of the run into <reportsDir>/runs/<id>/, and the folder's index.html (written
// here) lists every run with links.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../store/store.js';
import { generateReports } from '../../reports/generate.js';


export const runDir = (reportsDir: string, runId: number) => path.join(reportsDir, 'runs', String(runId));

export async function regenerateReports(storeFile: string, runId: number, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await generateReports({ store: storeFile, runId, outDir: runDir(outDir, runId) });
  await writeRunIndex(storeFile, outDir);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** runs.json and index.html listing every run with its summary. */
export async function writeRunIndex(storeFile: string, outDir: string): Promise<void> {
  const store = await openStore(storeFile);
  try {
    const runs = await Promise.all((await store.runs.listRuns()).map(async (r) => ({ ...r, summary: await store.runs.runSummary(r.id) })));
    writeFileSync(path.join(outDir, 'runs.json'), JSON.stringify(runs.map(({ config: _c, ...r }) => r), null, 2) + '\n');
    const rows = runs
      .map(
        (r) =>
          `<tr><td>${existsSync(path.join(runDir(outDir, r.id), 'report.html')) ? `<a href="runs/${r.id}/report.html">${r.id}</a>` : r.id}</td><td>${esc(r.label ?? '')}</td><td>${esc(r.status)}</td><td>${esc(r.startedAt)}</td><td>${esc(r.finishedAt ?? '')}</td>` +
          `<td>${r.summary.pagesAudited}</td><td>${r.summary.pagesFailed}</td><td>${r.summary.findings.violation}</td><td>${r.summary.findings.review}</td></tr>`,
      )
      .join('\n');
    writeFileSync(
      path.join(outDir, 'index.html'),
      `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>定期検査の一覧 | jis-a11y</title></head>
<body>
<main>
<h1>定期検査の一覧</h1>
<p>番号のリンクから各回の報告書（試験結果・CSV・Excel・PDF）を開けます。機械で読む場合は <a href="runs.json">runs.json</a> を使ってください。</p>
<table>
<caption>検査の実行記録</caption>
<thead><tr><th scope="col">番号</th><th scope="col">名前</th><th scope="col">状態</th><th scope="col">開始</th><th scope="col">終了</th><th scope="col">検査したページ</th><th scope="col">検査できなかったページ</th><th scope="col">不適合</th><th scope="col">要確認</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`,
    );
  } finally {
    await store.close();
  }
}
