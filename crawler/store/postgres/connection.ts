// The connection pool of a PostgreSQL store (node-postgres). The part modules (./runs.ts, ./frontier.ts …) get a
// small query API, `Q`, whose SQL is written with `?` placeholders like the SQLite store's (converted here to
// $1, $2 …), so a statement both engines accept reads the same in both stores.
// Every write goes through `write`: one transaction on one pooled client that first takes a transaction-level
// advisory lock, so writers queue one after another exactly as SQLite's BEGIN IMMEDIATE makes them do (the
// crawl's read-then-write steps — the next frontier seq, a lease decision — stay correct with several
// processes on several machines). Reads run outside transactions on any pooled client.
// Numbers: COUNT/SUM and the BIGINT columns come back as JavaScript numbers (ids stay far below 2^53).
import pg from 'pg';
import { StoreError } from '../errors.js';
import { PG_MESSAGES as M } from './messages.js';
import { safeLocation } from './location.js';

export type Row = Record<string, unknown>;

/** The queries a part module runs: on the pool (reads) or inside a write transaction. */
export interface Q {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** The one advisory lock every write transaction takes (the number of the standard, JIS X 8341-3). */
const WRITE_LOCK = 83413;
const INT8 = 20;
const NUMERIC = 1700;

const converted = new Map<string, string>();
/** `?` placeholders (outside quoted strings) to PostgreSQL's numbered ones. */
export function pgSql(sql: string): string {
  let out = converted.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  out = sql.replace(/'(?:[^']|'')*'|"(?:[^"])*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
  converted.set(sql, out);
  return out;
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function queries(client: pg.Pool | pg.PoolClient): Q {
  const query = async (sql: string, params: readonly unknown[] = []) => client.query(pgSql(sql), params as unknown[]);
  return {
    async all<T>(sql: string, params?: readonly unknown[]) {
      return (await query(sql, params)).rows as T[];
    },
    async get<T>(sql: string, params?: readonly unknown[]) {
      return (await query(sql, params)).rows[0] as T | undefined;
    },
    async run(sql, params) {
      return (await query(sql, params)).rowCount ?? 0;
    },
  };
}

/** The driver's error as the store's: unreachable server, refused login, missing database, missing grant (Japanese, naming the URL). */
export function pgErrorOf(e: unknown, location: string): unknown {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const where = safeLocation(location);
  const detail = err.message ?? String(e);
  const code = err.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(code) || /Connection terminated/i.test(detail))
    return new StoreError(M.unreachable(where, detail), where, true);
  if (code === '28P01' || code === '28000') return new StoreError(M.auth(where, detail), where, false);
  if (code === '3D000') return new StoreError(M.noDatabase(where, detail), where, false);
  if (code === '42501') return new StoreError(M.permission(where, detail), where, false);
  return e;
}

export class PgConnection {
  readonly pool: pg.Pool;
  /** Reads, on any pooled client. */
  readonly q: Q;

  constructor(
    readonly location: string,
    readonly readonly: boolean,
  ) {
    this.pool = new pg.Pool({
      connectionString: location,
      types,
      max: 4,
      // a read-only store cannot write even by mistake: the server refuses it
      ...(readonly ? { options: '-c default_transaction_read_only=on' } : {}),
    });
    // an idle client losing its server must not crash the process: the next query reports it
    this.pool.on('error', () => {});
    this.q = queries(this.pool);
  }

  /** Runs `fn` in one write transaction, after every other writer (the advisory lock). */
  async write<T>(fn: (tx: Q) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        const out = await fn(queries(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
    } finally {
      client.release();
    }
  }

  /** Runs `fn` on one client in one transaction without the write lock: reads that need a temporary table. */
  async session<T>(fn: (tx: Q) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const out = await fn(queries(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The part with every method's errors translated (pgErrorOf); async iterables are translated item by item. */
export function translatedPart<T extends object>(part: T, location: string): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      const r = method.apply(part, args) as { then?: unknown; [Symbol.asyncIterator]?: unknown };
      if (r && typeof r.then === 'function') return (r as unknown as Promise<unknown>).catch((e) => Promise.reject(pgErrorOf(e, location)));
      if (r && typeof r[Symbol.asyncIterator] === 'function') return translatedIterable(r as unknown as AsyncIterable<unknown>, location);
      return r;
    };
  }
  return out as T;
}

async function* translatedIterable<T>(items: AsyncIterable<T>, location: string): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (e) {
    throw pgErrorOf(e, location);
  }
}

/** PostgreSQL takes at most 65,535 parameters per statement: rows are inserted in chunks below that. */
const MAX_PARAMS = 60_000;

/** Inserts many rows in few statements (one round trip per chunk instead of per row); `suffix` e.g. ON CONFLICT DO NOTHING. */
export async function insertMany(tx: Q, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`, chunk.flat());
  }
}
