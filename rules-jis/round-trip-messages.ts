// The Japanese messages of the round trips (rules-jis/round-trip.ts): what `judge --import` says when a filled-in
// worksheet or findings CSV cannot be taken back, and when `judge --page / --pattern` names nothing audited.
// Data only: each message names what is wrong and how to fix it. No Node APIs.
import { JUDGEMENT_MARK_JA, OUTCOME_LABEL_JA } from './labels-ja.js';
import type { Outcome } from './types.js';

const MARKS = Object.values(JUDGEMENT_MARK_JA).join(' / ');

export const ROUND_TRIP_MESSAGES_JA = {
  noId: () => '結果が記入されていますが ID がありません。書き出したワークシート（CSV）の ID 列は消さずに、結果だけを記入してください',
  badId: (id: string) => `ID「${id}」を読めません。jis-a11y が書き出したワークシート（CSV）の ID 列をそのまま使ってください`,
  unknownId: (id: string, runId: number) => `ID「${id}」は検査 #${runId} にありません。同じ検査から書き出したファイルを取り込んでください`,
  pageNotInRun: (id: string, runId: number) => `ID「${id}」のページは検査 #${runId} で検査されていません（検査できなかったページか、別の検査のページです）`,
  findingNotInRun: (id: string, runId: number) => `ID「${id}」の指摘は検査 #${runId} にありません`,
  manyRuns: (runs: number[]) => `複数の検査（#${runs.join(', #')}）の行が混ざっています。1 つの検査から書き出したファイルごとに取り込んでください`,
  runMissing: (runId: number) => `検査 #${runId} がストアにありません。そのワークシートを書き出したストアを --store で指定してください`,
  urlChanged: (written: string, expected: string) => `URL が書き出したときと違います（記入: ${written || '（空）'}、書き出し: ${expected}）。URL は変えずに、結果の列だけを記入してください`,
  badMark: (v: string) => `結果「${v}」を読めません（${MARKS} のいずれか）`,
  locked: (automated: Outcome) =>
    `自動チェックで「${OUTCOME_LABEL_JA[automated]}」と判定済みの行です。人が結果を記入する行ではありません（不適合ならページを直すか免除を記録してください）。結果を消してから取り込んでください`,
  badDate: (v: string) => `確認日「${v}」を読めません（例: 2026-11-30）`,
  missingColumn: (col: string) => `見出し行に「${col}」の列がありません。書き出したときの見出し行を消したり変えたりしないでください`,
  missingSheet: (sheet: string) => `シート「${sheet}」がありません。jis-a11y が書き出した worksheet.xlsx を取り込んでください`,
  criterionNotOnFinding: (c: string, on: string[]) => `達成基準「${c}」はこの指摘の達成基準（${on.join(' ') || 'なし'}）にありません`,
  advisory: () => '参考の指摘には達成基準がないため、結果を記録できません。結果を消してから取り込んでください',
  violationAnswered: () =>
    '自動チェックで不適合と判定された指摘に ○ / − は記録できません（ページを直すか免除を記録してください）。× だけ記入できます',
  findingsCsvWithoutId: () =>
    'この CSV は jis-a11y の指摘一覧（findings.csv）ですが ID 列がありません。新しい jis-a11y で書き出し直し、その ID 列を残したまま結果を記入してください',
  unknownColumn: (col: string, known: string[]) => `見出し「${col}」は分かりません（使える見出し: ${known.join('、')}）`,
  problems: (file: string, n: number) => `${file} を取り込めません（${n} 件の問題があります。何も記録していません）:`,
  pageNotAudited: (url: string, runId: number, near: string[]) =>
    `URL「${url}」は検査 #${runId} で検査したページにありません。${near.length ? `近い URL: ${near.join('、')}。` : ''}検査していないページに記録するときは --allow-unmatched を付けてください`,
  patternMatchesNothing: (pattern: string, runId: number, near: string[]) =>
    `パターン「${pattern}」に当てはまるページが検査 #${runId} にありません。${near.length ? `近い URL: ${near.join('、')}。` : ''}パスで指定するときは / で始めてください（例 "/news/**"）。このまま記録するときは --allow-unmatched を付けてください`,
  siteRowFailing: (pages: number, others: boolean) =>
    `自動チェックで不適合のページが ${pages} ページあります（そのページは直すまで不適合のままです）。${others ? 'ほかのページを確認して記入してください' : ''}`,
  noRun: () => 'ストアに検査結果がないため、URL やパターンを確かめられません。先に jis-a11y crawl を実行するか、--allow-unmatched を付けてください',
} as const;
