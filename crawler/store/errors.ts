// Why a store cannot be opened, said in Japanese for the person at the command line. A subclass of
// UsageError (rules-jis/exit-codes.ts) so the CLI prints the message and exits 2 without a stack trace.
import { UsageError } from '../../rules-jis/exit-codes.js';

/** The file's schema version is one this code cannot use (written by a newer jis-a11y, or too old to read without migrating). */
export class StoreVersionError extends UsageError {
  constructor(
    message: string,
    readonly fileVersion: number,
    readonly codeVersion: number,
  ) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

/** A file from a newer jis-a11y: its tables may mean things this code does not know, so it is not touched. */
export function newerStoreError(file: string, fileVersion: number, codeVersion: number): StoreVersionError {
  return new StoreVersionError(
    `検査結果のファイル ${file} は、新しい版の jis-a11y で作られています（ファイルの形式: 版 ${fileVersion}、この jis-a11y が扱えるのは版 ${codeVersion} まで）。` +
      'jis-a11y を新しい版に更新してから開いてください。',
    fileVersion,
    codeVersion,
  );
}

/** A readonly open never migrates: an older file must be opened once for writing (any command that writes does it). */
export function olderStoreReadonlyError(file: string, fileVersion: number, codeVersion: number): StoreVersionError {
  return new StoreVersionError(
    `検査結果のファイル ${file} は古い形式（版 ${fileVersion}）のため、読み取り専用では開けません（この jis-a11y の形式は版 ${codeVersion}）。` +
      '一度、書き込みできる形で開くと新しい形式に移行します（例: jis-a11y report --store で報告書を作る）。',
    fileVersion,
    codeVersion,
  );
}
