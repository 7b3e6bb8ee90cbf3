// The Japanese messages of the PostgreSQL store (data, not code): what went wrong with the server named by the
// store URL and what to do. The URL is always shown without its password (./location.ts `safeLocation`).
export const PG_MESSAGES = {
  unreachable: (where: string, detail: string) =>
    `PostgreSQL のサーバー ${where} に接続できませんでした（${detail}）。サーバーが動いているか、ホスト名・ポート番号（--db / 設定ファイルの store）が正しいか、` +
    'ファイアウォールで止められていないかを確かめてから、もう一度実行してください。',
  auth: (where: string, detail: string) =>
    `PostgreSQL のサーバー ${where} にログインできませんでした（${detail}）。URL のユーザー名とパスワード（または ~/.pgpass、PGPASSWORD）と、` +
    'サーバーの pg_hba.conf の設定を確かめてください。',
  noDatabase: (where: string, detail: string) =>
    `PostgreSQL のデータベース ${where} がありません（${detail}）。先に作成してください（例: createdb -O jis_a11y jis_a11y）。docs/scale-out.md に手順があります。`,
  permission: (where: string, detail: string) =>
    `PostgreSQL のデータベース ${where} で、jis-a11y のロールに必要な権限がありません（${detail}）。` +
    'テーブルの作成（初回の移行）と読み書きの権限を与えてください（docs/scale-out.md「ロールと権限」）。',
  readonlyOld: (where: string, fileVersion: number, codeVersion: number) =>
    `PostgreSQL のデータベース ${where} は古い形式（版 ${fileVersion}）のため、読み取り専用では開けません（この jis-a11y の形式は版 ${codeVersion}）。` +
    '書き込みのできる形で一度開くと新しい形式に移行します（例: 同じ URL を --db に指定して jis-a11y crawl を実行する）。',
  newer: (where: string, fileVersion: number, codeVersion: number) =>
    `PostgreSQL のデータベース ${where} は、新しい版の jis-a11y で作られています（形式: 版 ${fileVersion}、この jis-a11y が扱えるのは版 ${codeVersion} まで）。` +
    'jis-a11y を新しい版に更新してから使ってください。',
  badUrl: (given: string) =>
    `ストアの指定 ${given} は PostgreSQL の URL として読めません。postgres://ユーザー名:パスワード@ホスト:ポート/データベース名 の形で指定してください（例: postgres://jis_a11y@127.0.0.1:5432/jis_a11y）。`,
  notYet: (part: string, where: string) =>
    `${part}は、PostgreSQL のストア（${where}）ではまだ使えません（今後の版で対応する予定です）。` +
    'この機能を使うときは、SQLite のストア（--db にファイルのパスを指定）を使ってください。',
} as const;
