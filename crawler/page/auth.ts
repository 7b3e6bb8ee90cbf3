// How the browser and Node's requests authenticate to a staging CMS (crawl config `auth`, see docs/crawl.md).

export interface AuthConfig {
  /** Cookies sent with every request, e.g. [{ name: "session", value: "…" }] (domain defaults to each start URL's host). */
  cookies?: { name: string; value: string; domain?: string; path?: string }[];
  /** Extra HTTP headers, e.g. { "X-Staging-Token": "…" }. */
  headers?: Record<string, string>;
  /** HTTP basic authentication. */
  basic?: { username: string; password: string };
  /** A JS/TS module exporting `default async (page) => {}` that logs in; run once per browser launch. */
  loginScript?: string;
}
