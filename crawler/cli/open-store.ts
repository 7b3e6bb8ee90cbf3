// Opens a store the user named on the command line (a SQLite file or a postgres:// URL), with a Japanese error
// when there is no such file.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { isPostgresLocation, openStore, safeLocation, type Store } from '../store/store.js';

/** A store location as resolved for opening: a file path made absolute, a postgres:// URL as given. */
export const resolveStoreLocation = (location: string): string => (isPostgresLocation(location) ? location : path.resolve(location));

/** A store location as printed: the absolute file path, or the URL without its password. */
export const storeLabel = (location: string): string => (isPostgresLocation(location) ? safeLocation(location) : path.resolve(location));

export async function openExistingStore(file: string): Promise<Store> {
  if (isPostgresLocation(file)) return openStore(file);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new UsageError(`検査結果のファイルが見つかりません: ${file}（先に jis-a11y crawl を実行するか --store で指定してください）`);
  return openStore(file);
}
