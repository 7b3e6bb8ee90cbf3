// Why the store cannot do what was asked, said in Japanese for the person at the command line and typed for
// the code that must decide what to do next (the crawl requeues a page after a StoreBusyError; the service
// keeps running and answers 503). Every one is a StoreError, a subclass of UsageError
// (rules-jis/exit-codes.ts), so the CLI prints the message and exits 2 without a stack trace.
// SQLite's own errors are translated here (storeErrorOf): a locked file and a corrupt one each get a message
// that names the file and says what to do, instead of SQLite's English.
import path from 'node:path';
import { UsageError } from '../../rules-jis/exit-codes.js';

/** Something about the store file itself. `transient`: trying again later may work (another process holds its lock). */
export class StoreError extends UsageError {
  constructor(
    message: string,
    /** The store file, as an absolute path. */
    readonly file: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The file's schema version is one this code cannot use (written by a newer jis-a11y, or too old to read without migrating). */
export class StoreVersionError extends StoreError {
  constructor(
    message: string,
    readonly fileVersion: number,
    readonly codeVersion: number,
    file = '',
  ) {
    super(message, file, false);
    this.name = 'StoreVersionError';
  }
}

/** Another process held the file's lock for longer than the store waits (crawler/store/sqlite/busy.ts). Transient. */
export class StoreBusyError extends StoreError {
  constructor(
    file: string,
    /** How long the store waited, in milliseconds. */
    readonly waitedMs: number,
    readonly sqliteCode: string,
  ) {
    super(
      `検査結果のファイル ${path.resolve(file)} は、ほかのプログラムが書き込み中のため、${Math.round(waitedMs / 1000)} 秒待っても使えませんでした。` +
        '同じファイルを使う jis-a11y（crawl・serve・check --html）や、ファイルを開いているほかのプログラム（sqlite3、バックアップなど）が終わってから、もう一度実行してください。',
      path.resolve(file),
      true,
    );
    this.name = 'StoreBusyError';
  }
}

/** The file is damaged, or is not a SQLite database at all (SQLITE_CORRUPT, SQLITE_NOTADB). Nothing is written to it. */
export class StoreCorruptError extends StoreError {
  constructor(
    file: string,
    readonly sqliteCode: string,
    sqliteMessage: string,
  ) {
    super(
      `検査結果のファイル ${path.resolve(file)} は壊れているか、SQLite のファイルではありません（SQLite: ${sqliteMessage}）。` +
        'バックアップから戻すか、新しい出力フォルダー（crawl は --output、ほかのコマンドは --store）を指定してやり直してください。' +
        '壊れたファイルは、原因を調べられるよう消さずに残しておいてください。',
      path.resolve(file),
      false,
    );
    this.name = 'StoreCorruptError';
  }
}

const sqliteCode = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : '';
};

/** SQLITE_BUSY or SQLITE_LOCKED (and their extended codes, e.g. SQLITE_BUSY_SNAPSHOT): another connection holds a lock. */
export const isBusySqliteError = (e: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(e));

/** A StoreError worth trying again later (today: StoreBusyError). */
export const isTransientStoreError = (e: unknown): e is StoreError => e instanceof StoreError && e.transient;

/** SQLite's error as the store's typed error where there is one (corrupt file); any other error unchanged. */
export function storeErrorOf(e: unknown, file: string): unknown {
  const code = sqliteCode(e);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return new StoreCorruptError(file, code, (e as Error).message);
  return e;
}

/** A file from a newer jis-a11y: its tables may mean things this code does not know, so it is not touched. */
export function newerStoreError(file: string, fileVersion: number, codeVersion: number): StoreVersionError {
  return new StoreVersionError(
    `検査結果のファイル ${file} は、新しい版の jis-a11y で作られています（ファイルの形式: 版 ${fileVersion}、この jis-a11y が扱えるのは版 ${codeVersion} まで）。` +
      'jis-a11y を新しい版に更新してから開いてください。',
    fileVersion,
    codeVersion,
    file,
  );
}

/** A readonly open never migrates: an older file must be opened once for writing (any command that writes does it). */
export function olderStoreReadonlyError(file: string, fileVersion: number, codeVersion: number): StoreVersionError {
  return new StoreVersionError(
    `検査結果のファイル ${file} は古い形式（版 ${fileVersion}）のため、読み取り専用では開けません（この jis-a11y の形式は版 ${codeVersion}）。` +
      '一度、書き込みできる形で開くと新しい形式に移行します（例: jis-a11y report --store で報告書を作る）。',
    fileVersion,
    codeVersion,
    file,
  );
}
