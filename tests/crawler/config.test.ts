// Config as JSON Schemas (schema/crawl-config, service-config, policy): defaults come from the schemas,
// every mistake is told in Japanese with the file and the key, `$schema` is allowed for editors, the
// crawl command's flag table maps onto the schema, and the TypeScript types name the same keys.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import crawlSchemaJson from '../../schema/crawl-config.schema.json';
import serviceSchemaJson from '../../schema/service-config.schema.json';
import policySchemaJson from '../../schema/policy.schema.json';
import { crawlConfigSchema, defaultConcurrency, defaultConfig, loadConfigFile, mergeConfig, validateConfig, type CrawlConfig } from '../../crawler/crawl/config.js';
import { CRAWL_FLAGS, flagsToConfig } from '../../crawler/cli/crawl-flags.js';
import { registerCrawlCommand } from '../../crawler/cli/crawl-command.js';
import { defaultServiceConfig, loadServiceConfigFile, mergeServiceConfig, serviceConfigSchema, validateServiceConfig, type ScheduleConfig, type ServiceConfig } from '../../crawler/service/config.js';
import { defaultPolicy, loadPolicy, parsePolicy, type Policy, type Waiver } from '../../crawler/hook/policy.js';
import { DEFAULT_SKIPPED_RESOURCES } from '../../crawler/page/tab-setup.js';
import { DEFAULT_OUTPUT_DIR } from '../../crawler/store/paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { schemaPaths, type JsonSchema } from '../../rules-jis/config/schema-paths.js';
import { closest } from '../../rules-jis/config/suggest.js';
import { schemaValidator } from '../helpers/schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-a11y-config-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
/** The UsageError message a call throws (fails when it does not throw one). */
async function messageOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('no error');
}
const get = (o: unknown, dotted: string) => dotted.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

/** Every path of a schema that carries a default, with that default. */
function schemaDefaults(schema: JsonSchema): [string, unknown][] {
  const s = { ...schema };
  return schemaPaths(s)
    .map((p) => [p, p.split('.').reduce<JsonSchema | undefined>((n, k) => n?.properties?.[k], s)] as const)
    .filter(([, n]) => n && 'default' in n && !(n.type === 'object' && n.properties))
    .map(([p, n]) => [p, n!.default]);
}

describe('the schemas themselves', () => {
  it('are valid draft 2020-12 schemas that accept their own defaults', () => {
    for (const f of ['schema/crawl-config.schema.json', 'schema/service-config.schema.json', 'schema/policy.schema.json']) {
      const validate = schemaValidator(f); // compiles: a broken schema throws here
      expect(validate({}), f).toBe(true);
      expect(validate({ $schema: './node_modules/jis-a11y/' + f }), f).toBe(true);
    }
  });
});

describe('defaults come from the schema', () => {
  it('crawl config: every schema default, then the computed ones', () => {
    const c = defaultConfig();
    const defaults = schemaDefaults(crawlSchemaJson as JsonSchema);
    expect(defaults.length).toBeGreaterThan(15);
    for (const [p, v] of defaults) expect(get(c, p), p).toEqual(v);
    // not in the schema: the machine's cores (at most 8) and "no depth limit"
    expect(c.concurrency).toBe(defaultConcurrency());
    expect(c.perHost.concurrency).toBe(defaultConcurrency());
    expect(c.scope.maxDepth).toBe(Number.POSITIVE_INFINITY);
    expect(mergeConfig({ concurrency: 1 }).perHost.concurrency).toBe(1);
  });

  it('the schema agrees with the constants of the code that uses the values', () => {
    expect(get(defaultConfig(), 'skipResources')).toEqual(DEFAULT_SKIPPED_RESOURCES);
    expect(crawlConfigSchema.at('skipResources')?.items).toEqual({ enum: DEFAULT_SKIPPED_RESOURCES });
    expect(defaultConfig().output.dir).toBe(DEFAULT_OUTPUT_DIR);
  });

  it('service config and policy: the schema defaults', () => {
    const s = defaultServiceConfig();
    for (const [p, v] of schemaDefaults(serviceSchemaJson as JsonSchema)) {
      if (p === 'store' || p === 'reportsDir') expect(get(s, p), p).toBe(path.resolve(v as string));
      else expect(get(s, p), p).toEqual(v);
    }
    expect(defaultPolicy()).toEqual({ target: 'AA', blockKinds: ['violation'], levels: ['A', 'AA'], rules: {}, waivers: [] });
  });

  it('the policy hash is what 0.2.0 logged for the same policy (key order and $schema do not matter)', () => {
    expect(parsePolicy(undefined).hash).toBe('5720e453e1c0a1de2364f562278d70319d41969835205b901c65474fc477d128');
    const waiver = { expires: '2027-03-31', rule: 'image-alt', pagePattern: '/k/**', selector: '', reason: 'r', approvedBy: 'a' };
    const hash = 'e9865e0a9d121e53bf86c3097be58f56eede5d5790e61ec7775cb073277e587a';
    expect(parsePolicy({ target: 'A', rules: { x: 'block' }, waivers: [waiver] }).hash).toBe(hash);
    expect(parsePolicy({ $schema: 'x', waivers: [waiver], rules: { x: 'block' }, target: 'A' }).hash).toBe(hash);
  });
});

describe('mistakes are told in Japanese, naming the file and the key', () => {
  afterEach(() => {
    delete process.env.JIS_A11Y_TOKENS;
  });

  it('an unknown key, with the closest known key', async () => {
    const file = write('jis-a11y.config.json', { site: 'https://e.jp/', scope: { maxPage: 3 } });
    expect(await messageOf(() => loadConfigFile(file))).toBe(
      `設定ファイル ${file} の scope.maxPage は知らない項目です（scope.maxPages の誤りではありませんか）`,
    );
  });

  it('a key in the wrong object is suggested where it belongs; a key like no other gets no suggestion', async () => {
    const file = write('misplaced.json', { maxPages: 3, colour: 'red' });
    expect((await messageOf(() => loadConfigFile(file))).split('\n')).toEqual([
      `設定ファイル ${file} の maxPages は知らない項目です（scope.maxPages の誤りではありませんか）`,
      `設定ファイル ${file} の colour は知らない項目です`,
    ]);
  });

  it('a wrong type, an unknown value, a number out of range', async () => {
    const file = write('types.json', { timeouts: { navigationMs: '30s' }, target: 'AAA', scope: { maxPages: 0 }, startUrls: ['ftp://e.jp/'] });
    expect((await messageOf(() => loadConfigFile(file))).split('\n').sort()).toEqual(
      [
        `設定ファイル ${file} の timeouts.navigationMs は数値で指定してください（指定: "30s"）`,
        `設定ファイル ${file} の target は A / AA のいずれかで指定してください（指定: "AAA"）`,
        `設定ファイル ${file} の scope.maxPages は 1 以上で指定してください（指定: 0）`,
        `設定ファイル ${file} の startUrls[0] は http:// か https:// で始まる URL で指定してください（指定: "ftp://e.jp/"）`,
      ].sort(),
    );
  });

  it('a .mjs config is checked the same way; a missing file and broken JSON are named', async () => {
    const mjs = write('jis-a11y.config.mjs', 'export default { site: "https://e.jp/", robot: false };\n');
    expect(await messageOf(() => loadConfigFile(mjs))).toBe(`設定ファイル ${mjs} の robot は知らない項目です（robots の誤りではありませんか）`);
    expect(await messageOf(() => loadConfigFile(path.join(dir, 'none.json')))).toBe(`設定ファイルが見つかりません: ${path.join(dir, 'none.json')}`);
    const broken = write('broken.json', '{ "site": ');
    expect(await messageOf(() => loadConfigFile(broken))).toMatch(new RegExp(`^設定ファイル ${broken.replace(/[.\\]/g, '\\$&')} の JSON を読めません: `));
  });

  it('the merged config is validated too (a config built in code)', async () => {
    expect(await messageOf(() => mergeConfig({ site: 'https://e.jp/' }, { scope: { query: 'none' as 'keep' } }))).toBe(
      '設定の scope.query は keep / drop / strip-tracking のいずれかで指定してください（指定: "none"）',
    );
    const c = mergeConfig({ site: 'https://e.jp/' });
    expect(() => validateConfig(c)).not.toThrow();
    expect(await messageOf(() => validateConfig({ ...c, retries: { perUrl: -1, budget: 1 } }))).toBe('設定の retries.perUrl は 0 以上で指定してください（指定: -1）');
    expect(await messageOf(() => validateConfig(mergeConfig({})))).toMatch(/^開始 URL がありません/);
  });

  it('a service config file: unknown key and wrong type; a token is never echoed', async () => {
    const file = write('jis-a11y.service.json', { prot: 80, limits: { concurrency: 'two' }, tokens: ['short-secret'] });
    expect((await messageOf(() => loadServiceConfigFile(file))).split('\n').sort()).toEqual(
      [
        `サービス設定ファイル ${file} の prot は知らない項目です（port の誤りではありませんか）`,
        `サービス設定ファイル ${file} の limits.concurrency は整数で指定してください（指定: "two"）`,
        `サービス設定ファイル ${file} の tokens[0] は 16 文字以上で指定してください（指定: （伏せ字））`,
      ].sort(),
    );
  });

  it('a service config keeps the tokens of JIS_A11Y_TOKENS and its own checks', async () => {
    process.env.JIS_A11Y_TOKENS = 'env-token-0123456789, ';
    const c = mergeServiceConfig({ tokens: ['file-token-0123456789'], origins: ['https://www.pref.example.jp'] });
    expect(c.tokens).toEqual(['file-token-0123456789', 'env-token-0123456789']);
    expect(() => validateServiceConfig(c)).not.toThrow();
    expect(await messageOf(() => validateServiceConfig({ ...c, origins: [] }))).toMatch(/^サイトのオリジンがありません/);
    expect(await messageOf(() => validateServiceConfig({ ...c, limits: { ...c.limits, queueSize: -1 } }))).toBe('サービス設定の limits.queueSize は 0 以上で指定してください（指定: -1）');
  });

  it('a policy file: unknown key with suggestion, bad date, and the waiver rule', async () => {
    const file = write('jis-a11y.policy.json', {
      blockKind: ['violation'],
      waivers: [{ rule: 'image-alt', reason: '理由', approvedBy: '山田', expires: '2027-02-30' }],
    });
    expect((await messageOf(() => loadPolicy(file))).split('\n').sort()).toEqual(
      [
        `ポリシーファイル ${file} の blockKind は知らない項目です（blockKinds の誤りではありませんか）`,
        `ポリシーファイル ${file} の waivers[0].expires は YYYY-MM-DD の日付で指定してください（指定: "2027-02-30"）`,
        `ポリシーファイル ${file} の waivers[0]: "pagePattern" か "selector" のどちらかを指定してください（サイト全体を免除する指定はできません）`,
      ].sort(),
    );
  });
});

describe('$schema', () => {
  it('is accepted in each file and dropped from what is read', async () => {
    const crawl = write('with-schema.json', { $schema: './node_modules/jis-a11y/schema/crawl-config.schema.json', site: 'https://e.jp/', output: { dir: 'out' } });
    const c = await loadConfigFile(crawl);
    expect(c).toEqual({ site: 'https://e.jp/', output: { dir: path.join(dir, 'out') } });
    expect(mergeConfig(c)).not.toHaveProperty('$schema');
    const service = write('service-with-schema.json', { $schema: '../schema/service-config.schema.json', store: 'a.sqlite', schedules: [{ name: 'n', cron: '0 2 * * 1', config: 'c.json' }] });
    expect(loadServiceConfigFile(service)).toEqual({ store: path.join(dir, 'a.sqlite'), schedules: [{ name: 'n', cron: '0 2 * * 1', config: path.join(dir, 'c.json') }] });
    const policy = write('policy-with-schema.json', { $schema: './schema/policy.schema.json', target: 'A' });
    expect(loadPolicy(policy)).not.toHaveProperty('$schema');
    expect(loadPolicy(policy).target).toBe('A');
  });
});

describe('crawl command flags', () => {
  const attribute = (flags: string) => new Option(flags).attributeName();

  it('every flag of the table sets a key of the schema, with a value the schema accepts', () => {
    for (const row of CRAWL_FLAGS) {
      const schema = crawlConfigSchema.at(row.path);
      expect(schema, row.flags).toBeDefined();
      if (row.many) expect(['array', 'object'], row.flags).toContain(schema!.type);
      if ('value' in row) expect(() => crawlConfigSchema.check(setAt(row.path, row.value), { label: row.flags }), row.flags).not.toThrow();
    }
    const names = CRAWL_FLAGS.map((r) => attribute(r.flags));
    expect(new Set(names).size).toBe(names.length);
  });

  it('each flag reaches its key', () => {
    const sample: Record<string, string> = { 'scope.query': 'drop', target: 'A', screenshots: 'all', 'auth.basic': 'u:p', 'auth.headers': 'X-A: 1', 'auth.cookies': 'a=1', sitemaps: 'https://e.jp/s.xml' };
    for (const row of CRAWL_FLAGS) {
      const text = sample[row.path] ?? (crawlConfigSchema.at(row.path)?.type === 'string' ? 'x' : '3');
      const given = new Option(row.flags).negate || 'value' in row ? !new Option(row.flags).negate : row.many ? [text] : text;
      const cfg = flagsToConfig([], { [attribute(row.flags)]: new Option(row.flags).negate ? false : given });
      expect(get(cfg, row.path), row.flags).toBeDefined();
    }
  });

  it('convert by the schema type and name the flag in errors', async () => {
    const p = flagsToConfig(['https://e.jp/'], { maxPages: '50', timeout: '1.5', include: ['/a/**', '/b/**'], header: ['X-A: 1', 'X-B: 2'], urlList: 'urls.txt', sitemap: true });
    expect(p).toEqual({
      startUrls: ['https://e.jp/'],
      scope: { maxPages: 50, include: ['/a/**', '/b/**'] },
      timeouts: { navigationMs: 1500 },
      auth: { headers: { 'X-A': '1', 'X-B': '2' } },
      urlList: path.resolve('urls.txt'),
    });
    expect(await messageOf(() => flagsToConfig([], { maxPages: 'many' }))).toBe('--max-pages は整数で指定してください（指定: "many"）');
    expect(await messageOf(() => flagsToConfig([], { level: 'AAA' }))).toBe('--level は A / AA のいずれかで指定してください（指定: "AAA"）');
    expect(await messageOf(() => flagsToConfig([], { timeout: '0' }))).toBe('--timeout（設定の timeouts.navigationMs）は 1 以上で指定してください（指定: 0）');
    expect(await messageOf(() => flagsToConfig(['ftp://e.jp/'], {}))).toBe('開始 URL は http:// か https:// で始まる URL で指定してください（指定: "ftp://e.jp/"）');
  });

  it('crawl --help keeps every Japanese help text', () => {
    const program = new Command();
    registerCrawlCommand(program);
    const help = program.commands.find((c) => c.name() === 'crawl')!.helpInformation({ error: false });
    for (const row of CRAWL_FLAGS) expect(help.replace(/\s+/g, ''), row.flags).toContain(row.help.replace(/\s+/g, ''));
    expect(help).toContain('--config <file>');
    expect(help).toContain('--resume [runId]');
  });
});

function setAt(dotted: string, value: unknown): Record<string, unknown> {
  return dotted.split('.').reduceRight<Record<string, unknown>>((inner, k) => ({ [k]: inner }), value as Record<string, unknown>);
}

describe('the TypeScript types name the keys of the schemas', () => {
  // Checked by `npx tsc --noEmit` (vitest does not type-check): a key added to one and not the other fails.
  type Props<S> = S extends { properties: infer P } ? Exclude<keyof P, '$schema'> : never;
  const crawl = crawlSchemaJson.properties;
  it('crawl config', () => {
    expectTypeOf<keyof CrawlConfig>().toEqualTypeOf<Exclude<Props<typeof crawlSchemaJson>, 'site'>>();
    expectTypeOf<keyof CrawlConfig['scope']>().toEqualTypeOf<Props<typeof crawl.scope>>();
    expectTypeOf<keyof CrawlConfig['auth']>().toEqualTypeOf<Props<typeof crawl.auth>>();
    expectTypeOf<keyof CrawlConfig['perHost']>().toEqualTypeOf<Props<typeof crawl.perHost>>();
    expectTypeOf<keyof CrawlConfig['timeouts']>().toEqualTypeOf<Props<typeof crawl.timeouts>>();
    expectTypeOf<keyof CrawlConfig['retries']>().toEqualTypeOf<Props<typeof crawl.retries>>();
    expectTypeOf<keyof CrawlConfig['interaction']>().toEqualTypeOf<Props<typeof crawl.interaction>>();
    expectTypeOf<keyof CrawlConfig['output']>().toEqualTypeOf<Props<typeof crawl.output>>();
  });
  it('service config and policy', () => {
    const service = serviceSchemaJson.properties;
    expectTypeOf<keyof ServiceConfig>().toEqualTypeOf<Props<typeof serviceSchemaJson>>();
    expectTypeOf<keyof ServiceConfig['limits']>().toEqualTypeOf<Props<typeof service.limits>>();
    expectTypeOf<keyof ScheduleConfig>().toEqualTypeOf<Props<typeof service.schedules.items>>();
    expectTypeOf<keyof Policy>().toEqualTypeOf<Props<typeof policySchemaJson>>();
    expectTypeOf<keyof Waiver>().toEqualTypeOf<Props<typeof policySchemaJson.$defs.waiver>>();
  });
  it('at run time: a config with every key fits the schema, and the schema has no key it lacks', () => {
    const every: Required<Omit<CrawlConfig, 'scope' | 'output'>> & Pick<CrawlConfig, 'scope' | 'output'> = {
      ...defaultConfig(),
      urlList: 'urls.txt',
      userAgent: 'ua',
      label: 'l',
      sections: [{ prefix: '/kenko/', name: '健康福祉部 健康増進課' }],
      scope: { ...defaultConfig().scope, origins: ['https://e.jp'], include: [], exclude: [], maxDepth: 3 },
      auth: { cookies: [{ name: 'a', value: 'b', domain: 'e.jp', path: '/' }], headers: {}, basic: { username: 'u', password: 'p' }, loginScript: 'l.mjs' },
      output: { dir: 'o', db: 'o/d.sqlite' },
    };
    expect(() => crawlConfigSchema.check(every, { label: 'every' })).not.toThrow();
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => {
        const p = prefix ? `${prefix}.${k}` : k;
        return v && typeof v === 'object' && !Array.isArray(v) && k !== 'headers' ? [p, ...keys(v, p)] : [p];
      });
    expect(keys(every).sort()).toEqual(crawlConfigSchema.paths().filter((p) => p !== '$schema' && p !== 'site').sort());
    expect(serviceConfigSchema.paths().filter((p) => p !== '$schema').sort()).toEqual([...keys(defaultServiceConfig()), 'policy', 'workspace.trustedHeader', 'workspace.trustedProxies'].sort());
  });
});

describe('suggestions', () => {
  it('find a typo, a swapped pair or a case slip, and nothing far away', () => {
    expect(closest('maxPage', ['maxPages', 'maxDepth'])).toBe('maxPages');
    expect(closest('tagret', ['target', 'label'])).toBe('target');
    expect(closest('maxpages', ['maxPages'])).toBe('maxPages');
    expect(closest('colour', ['target', 'label', 'robots'])).toBeUndefined();
  });
});
