// sitemap.xml and sitemap indexes (sitemaps.org protocol), read as a stream so that a big sitemap costs
// neither time nor memory before the first page is audited (issue 21 case 11: a 100,000-URL sitemap took
// ~105 s and 690 MB with the whole document parsed at once). The body is parsed as it arrives by
// htmlparser2's streaming Parser in XML mode, gunzipped on the way when it is gzip (`.xml.gz`), and bounded
// as the protocol bounds a sitemap: 50 MB uncompressed and 50,000 URLs per file; indexes nest at most
// MAX_NESTING deep and at most `maxSitemaps` files are read. The reader is an async generator: the caller
// (discovery.ts) stops it as soon as the frontier has maxPages pages, and the rest is never downloaded.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** The protocol's limits per sitemap file (sitemaps.org): 50 MB uncompressed, 50,000 URLs. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
export const MAX_SITEMAP_URLS = 50_000;
/** An index may name indexes (the protocol says it should not): followed this many levels deep. */
export const MAX_NESTING = 3;
/** A <loc> longer than this is not a URL (the protocol allows 2,048 characters). */
const MAX_LOC_CHARS = 4096;

export interface ParsedSitemap {
  /** <urlset><url><loc> */
  urls: string[];
  /** <sitemapindex><sitemap><loc> */
  sitemaps: string[];
}

type Loc = { kind: 'url' | 'sitemap'; loc: string };

/** A streaming <loc> collector: feed it text, take the <loc>s found so far. */
class LocParser {
  private found: Loc[] = [];
  private stack: string[] = [];
  private text = '';
  private parser = new Parser(
    {
      onopentag: (name) => {
        const n = localName(name);
        this.stack.push(n);
        if (n === 'loc') this.text = '';
      },
      ontext: (t) => {
        if (this.stack[this.stack.length - 1] === 'loc' && this.text.length < MAX_LOC_CHARS) this.text += t;
      },
      onclosetag: (name) => {
        const n = localName(name);
        this.stack.pop();
        if (n !== 'loc') return;
        const parent = this.stack[this.stack.length - 1];
        const loc = this.text.trim();
        if (loc && loc.length < MAX_LOC_CHARS && (parent === 'url' || parent === 'sitemap')) this.found.push({ kind: parent, loc });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  write(text: string): Loc[] {
    this.parser.write(text);
    return this.take();
  }

  end(): Loc[] {
    this.parser.end();
    return this.take();
  }

  private take(): Loc[] {
    const out = this.found;
    this.found = [];
    return out;
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** A whole sitemap document at once (small sitemaps, tests). */
export function parseSitemap(xml: string): ParsedSitemap {
  const p = new LocParser();
  const locs = [...p.write(xml), ...p.end()];
  return { urls: locs.filter((l) => l.kind === 'url').map((l) => l.loc), sitemaps: locs.filter((l) => l.kind === 'sitemap').map((l) => l.loc) };
}

/** Fetches a sitemap: a Response whose body is read as it arrives (the crawl's HttpClient.request). */
export type FetchSitemap = (url: string) => Promise<Response>;

export interface SitemapOptions {
  /** Sitemap files read at most (indexes included; default 1000). */
  maxSitemaps?: number;
  /** Per file: uncompressed bytes and page URLs (default: the protocol's 50 MB and 50,000). */
  maxBytes?: number;
  maxUrls?: number;
  /** A sitemap that could not be read (Japanese). */
  onError?: (url: string, message: string) => void;
  /** A sitemap cut at a limit (Japanese, for the log). */
  onCut?: (message: string) => void;
}

/** The body's bytes, gunzipped when they are gzip (by their magic number: `.xml.gz` served as is). */
async function* bodyBytes(res: Response): AsyncGenerator<Buffer> {
  if (!res.body) return;
  const raw = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  let stream: Readable = raw;
  try {
    const it = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await it.next();
    if (first.done) return;
    const head = Buffer.from(first.value);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const rest = (async function* () {
        yield head;
        for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.from(r.value);
      })();
      stream = Readable.from(rest).pipe(createGunzip());
      for await (const chunk of stream) yield chunk as Buffer;
    } else {
      yield head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.from(r.value);
    }
  } finally {
    // a reader that stops early leaves the rest of the body undownloaded
    stream.destroy();
    raw.destroy();
  }
}

/** The <loc>s of one sitemap file, in document order, until its end or a limit (reported through onCut). */
async function* locsOf(url: string, res: Response, o: Required<Pick<SitemapOptions, 'maxBytes' | 'maxUrls'>> & SitemapOptions): AsyncGenerator<Loc> {
  const parser = new LocParser();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let urls = 0;
  const limit = (l: Loc) => l.kind === 'url' && ++urls > o.maxUrls;
  for await (const chunk of bodyBytes(res)) {
    const room = o.maxBytes - bytes;
    bytes += chunk.length;
    const over = bytes > o.maxBytes;
    for (const l of parser.write(decoder.decode(over ? chunk.subarray(0, room) : chunk, { stream: true }))) {
      if (limit(l)) return o.onCut?.(cutAtUrls(url, o.maxUrls));
      yield l;
    }
    if (over) return o.onCut?.(cutAtBytes(url, o.maxBytes));
  }
  for (const l of parser.write(decoder.decode()).concat(parser.end())) {
    if (limit(l)) return o.onCut?.(cutAtUrls(url, o.maxUrls));
    yield l;
  }
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const cutAtBytes = (url: string, max: number) => `サイトマップ ${url} が 1 ファイルの上限（${mb(max)}、展開後）を超えたため、そこまでで読むのをやめました（サイトマップの仕様の上限です。分割してサイトマップインデックスにしてください）。`;
const cutAtUrls = (url: string, max: number) => `サイトマップ ${url} の URL が 1 ファイルの上限（${max.toLocaleString('ja-JP')} 件）を超えたため、そこまでで読むのをやめました（サイトマップの仕様の上限です。分割してサイトマップインデックスにしてください）。`;

/**
 * The page URLs of the sitemaps (indexes followed, each sitemap once), in document order, as they are read.
 * Unreadable sitemaps are reported through `onError` and skipped. Stop iterating to stop reading.
 */
export async function* readSitemaps(roots: string[], fetchSitemap: FetchSitemap, opts: SitemapOptions = {}): AsyncGenerator<string> {
  const o = { ...opts, maxBytes: opts.maxBytes ?? MAX_SITEMAP_BYTES, maxUrls: opts.maxUrls ?? MAX_SITEMAP_URLS };
  const max = opts.maxSitemaps ?? 1000;
  const seen = new Set<string>();
  const todo = roots.map((url) => ({ url, depth: 0 }));
  while (todo.length && seen.size < max) {
    const { url, depth } = todo.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    try {
      const res = await fetchSitemap(url);
      if (res.status >= 400) {
        res.body?.cancel().catch(() => {});
        opts.onError?.(url, `サイトマップを取得できません（HTTP ${res.status}）`);
        continue;
      }
      for await (const l of locsOf(url, res, o)) {
        // <loc> must be absolute, but some CMSs write site-relative paths: resolve them against the sitemap
        let abs: string;
        try {
          abs = new URL(l.loc, url).href;
        } catch {
          opts.onError?.(url, `サイトマップの URL を読めません: ${l.loc.slice(0, 200)}`);
          continue;
        }
        if (l.kind === 'url') yield abs;
        else if (depth < MAX_NESTING) todo.push({ url: abs, depth: depth + 1 });
      }
    } catch (e) {
      opts.onError?.(url, `サイトマップを読めません: ${(e as Error).message}`);
    }
  }
}

/** Every page URL of the sitemaps at once (small sitemaps; the crawl itself iterates readSitemaps). */
export async function collectSitemapUrls(roots: string[], fetchSitemap: FetchSitemap, opts: SitemapOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const u of readSitemaps(roots, fetchSitemap, opts)) out.push(u);
  return out;
}

/** A URL list file: one URL a line; blank lines and lines starting with # are ignored. */
export function parseUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
