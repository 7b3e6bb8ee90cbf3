// robots.txt: honoured by default (the 広報広聴課 may turn it off for their own site with --ignore-robots), read
// once per origin and run (RobotsCache).
import robotsParser from 'robots-parser';

export const USER_AGENT_TOKEN = 'jis-a11y';

export interface Robots {
  isAllowed(url: string): boolean;
  /** Sitemap: lines. */
  sitemaps: string[];
  crawlDelaySeconds?: number;
}

const ALLOW_ALL: Robots = { isAllowed: () => true, sitemaps: [] };

export function parseRobots(robotsUrl: string, text: string, userAgent = USER_AGENT_TOKEN): Robots {
  const r = robotsParser(robotsUrl, text);
  return {
    // undefined = URL not covered by this robots.txt (other origin): allowed
    isAllowed: (url) => r.isAllowed(url, userAgent) !== false,
    sitemaps: r.getSitemaps(),
    crawlDelaySeconds: r.getCrawlDelay(userAgent),
  };
}

export type FetchText = (url: string) => Promise<{ status: number; text: string } | null>;

/** Fetches /robots.txt of an origin. Missing (4xx) or unreachable robots.txt allows everything. */
export async function loadRobots(origin: string, fetchText: FetchText, userAgent = USER_AGENT_TOKEN): Promise<Robots> {
  const url = new URL('/robots.txt', origin).href;
  try {
    const res = await fetchText(url);
    if (!res || res.status >= 400) return ALLOW_ALL;
    return parseRobots(url, res.text, userAgent);
  } catch {
    return ALLOW_ALL;
  }
}

/** robots.txt of each origin, fetched once per run; everything is allowed when the run ignores robots.txt. */
export class RobotsCache {
  private byOrigin = new Map<string, Promise<Robots>>();

  constructor(
    private fetchText: FetchText,
    private honour: boolean,
  ) {}

  /** The rules that apply to `url` (its origin's robots.txt). */
  of(url: string): Promise<Robots> {
    if (!this.honour) return Promise.resolve(ALLOW_ALL);
    const origin = new URL(url).origin;
    let r = this.byOrigin.get(origin);
    if (!r) this.byOrigin.set(origin, (r = loadRobots(origin, this.fetchText)));
    return r;
  }

  /** The Sitemap: lines of an origin's robots.txt, read even when the run ignores its rules. */
  async sitemapsOf(origin: string): Promise<string[]> {
    return this.honour ? (await this.of(origin + '/')).sitemaps : (await loadRobots(origin, this.fetchText)).sitemaps;
  }
}
