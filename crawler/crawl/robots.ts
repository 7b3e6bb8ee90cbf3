// robots.txt: honoured by default (the 広報広聴課 may turn it off for their own site with --ignore-robots).
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

export function allowAll(): Robots {
  return ALLOW_ALL;
}
