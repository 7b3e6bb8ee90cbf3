// Opens a store the user named on the command line, with a Japanese error when there is none.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { openStore, type Store } from '../store/store.js';

export async function openExistingStore(file: string): Promise<Store> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new UsageError(`検査結果のファイルが見つかりません: ${file}（先に jis-a11y crawl を実行するか --store で指定してください）`);
  return openStore(file);
}
