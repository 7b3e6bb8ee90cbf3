// Another program holding the write lock of a store for a while, as a backup tool, the sqlite3 shell or a
// second jis-a11y can: BEGIN EXCLUSIVE on its own connection, held for <ms>, then COMMIT. The contention
// tests (tests/crawler/contention.test.ts, store-busy.test.ts) run it as a separate process, so the lock is
// a real file lock between processes. Prints "locked" once it holds the lock and "released" after.
// usage: node tests/helpers/hold-store-lock.mjs <sqlite file> <ms>
import Database from 'better-sqlite3';

const [file, ms] = process.argv.slice(2);
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 30000'); // the crawl's own transactions are short: wait for one to end
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
}, Number(ms));
