// A stand-in for the workspace API with the contract's shapes (/work/tools/ws-contract.md), for the web app's own
// tests (tests/e2e/workspace-ui.test.ts): a real fastify on 127.0.0.1 serving the real built app through the
// service's own plugin (crawler/service/workspace/app-static.ts, with its CSP), and a small in-memory test behind
// /api/v1/ws/ that behaves as the server promises where the screens depend on it: a session cookie, x-csrf-token
// on writes (403 csrf), the role check (403 forbidden-role), a refused judgement (422 refused with a reason), and
// notes stored as typed. The real server's behaviour is tested in tests/service/ and tests/e2e/workspace.test.ts.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { PNG } from 'pngjs';
import { workspaceAppPlugin } from '../../crawler/service/workspace/app-static.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { roleAtLeast, type Role, type WorkspaceUser } from '../../rules-jis/roles.js';

export interface FakeWorkspace {
  base: string;
  /** Every write the fake accepted (method, path, body). */
  writes: { method: string; path: string; body: any }[];
  /** Judgements recorded: `${pageUrl} ${criterion}` → { result, note }. */
  judgements: Map<string, { result: string; note: string }>;
  close(): Promise<void>;
}

export const FAKE_PASSWORD = 'correct-horse-battery';
const USERS: WorkspaceUser[] = (['viewer', 'tester', 'approver', 'admin'] as Role[]).map((role, i) => ({ id: i + 1, login: role, displayName: `${['閲覧', '確認', '承認', '管理'][i]} 太郎`, role, via: 'session' }));

export const FAKE_PAGES = [
  { url: 'https://www.pref.example.lg.jp/', title: 'トップページ', kind: 'representative', template: 'top' },
  { url: 'https://www.pref.example.lg.jp/kurashi/gomi.html', title: 'ごみの出し方', kind: 'representative', template: 'detail' },
  { url: 'https://www.pref.example.lg.jp/kenko/kenshin.html', title: '健康診断のお知らせ', kind: 'random', template: 'detail' },
];

function screenshotPng(): Buffer {
  const png = new PNG({ width: 640, height: 400 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([240, 244, 250, 255], i);
  return PNG.sync.write(png);
}

export async function startFakeWorkspace(): Promise<FakeWorkspace> {
  const app: FastifyInstance = Fastify({ logger: false });
  const sessions = new Map<string, { user: WorkspaceUser; csrf: string }>();
  const writes: FakeWorkspace['writes'] = [];
  const judgements = new Map<string, { result: string; note: string }>();
  const criteria = targetCriteria('AA').map((c) => ({ id: c.wcag, title: c.ja, level: c.level }));
  const auto = new Map<string, string>([
    [`${FAKE_PAGES[1].url} 1.1.1`, 'fail'],
    [`${FAKE_PAGES[0].url} 1.3.1`, 'review'],
    [`${FAKE_PAGES[2].url} 2.4.4`, 'recheck'],
    [`${FAKE_PAGES[0].url} 1.4.3`, 'pass'],
  ]);
  const png = screenshotPng();

  const sessionOf = (req: FastifyRequest) => {
    const m = /(?:^|;\s*)fake_ws=([^;]+)/.exec(req.headers.cookie ?? '');
    return m ? sessions.get(m[1]) : undefined;
  };
  /** The role check and CSRF check the real server does in its authentication hook. */
  const guard = (least: Role) => async (req: FastifyRequest, reply: FastifyReply) => {
    const s = sessionOf(req);
    if (!s) return reply.code(401).send({ verdict: 'error', error: { code: 'unauthenticated', message: 'サインインしてください。' } });
    if (!roleAtLeast(s.user.role, least)) return reply.code(403).send({ verdict: 'error', error: { code: 'forbidden-role', message: 'この操作には権限が足りません。' } });
    if (req.method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) return reply.code(403).send({ verdict: 'error', error: { code: 'csrf', message: 'x-csrf-token がありません。' } });
    if (req.method !== 'GET') writes.push({ method: req.method, path: req.url, body: req.body });
  };

  await app.register(async (s) => workspaceAppPlugin(s));
  app.post('/api/v1/ws/login', async (req, reply) => {
    const { login, password } = (req.body ?? {}) as { login?: string; password?: string };
    const user = USERS.find((u) => u.login === login);
    if (!user || password !== FAKE_PASSWORD) return reply.code(401).send({ verdict: 'error', error: { code: 'bad-credentials', message: 'ログイン名かパスワードが違います。' } });
    const id = randomUUID();
    const csrf = randomUUID();
    sessions.set(id, { user, csrf });
    reply.header('set-cookie', `fake_ws=${id}; Path=/; HttpOnly; SameSite=Strict`);
    return { user, csrfToken: csrf };
  });
  app.get('/api/v1/ws/me', { preHandler: guard('viewer') }, async (req) => ({ user: sessionOf(req)!.user, csrfToken: sessionOf(req)!.csrf }));
  app.post('/api/v1/ws/logout', { preHandler: guard('viewer') }, async (_req, reply) => reply.code(204).send());
  app.get('/api/v1/ws/dashboard', { preHandler: guard('viewer') }, async () => ({
    runs: [
      { id: 2, status: 'running', startedAt: '2026-11-30T01:00:00Z', schedule: 'weekly', progress: { done: 120, queued: 380, errors: 2, pagesPerMinute: 40, etaSeconds: 570 } },
      { id: 1, status: 'finished', startedAt: '2026-11-23T01:00:00Z', finishedAt: '2026-11-23T02:10:00Z', pages: 500 },
    ],
    test: { name: '2026年度 試験', period: { from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z' }, completion: { cells: 114, decided: judgements.size + 1 }, claim: { state: 'incomplete', text: '試験未完了（公開用ではありません）' }, blockers: ['1.1.1 ごみの出し方: 自動で不適合', '要確認 1 件'] },
    trend: [{ fiscalYear: 2025, pages: 480, violations: 40, failingCriteria: 4 }, { fiscalYear: 2026, pages: 500, violations: 12, failingCriteria: 1 }],
    schedules: [{ name: 'weekly', cron: '0 3 * * 1', next: '2026-12-07T18:00:00Z', running: false }],
  }));
  app.post('/api/v1/ws/crawls', { preHandler: guard('admin') }, async (req, reply) => reply.code(202).send({ started: (req.body as { schedule: string }).schedule }));
  app.get('/api/v1/ws/sheet', { preHandler: guard('viewer') }, async (req) => {
    const q = req.query as Record<string, string>;
    const cells = FAKE_PAGES.flatMap((p) => criteria.map((c) => {
      const j = judgements.get(`${p.url} ${c.id}`);
      const state = j ? (j.result === 'pass' ? 'pass' : j.result === 'na' ? 'na' : 'fail-judged') : (auto.get(`${p.url} ${c.id}`) ?? 'untested');
      return { pageUrl: p.url, criterion: c.id, state, judgement: j ? { result: j.result === 'na' ? 'inapplicable' : j.result, note: j.note, who: 'tester', when: '2026-11-30T03:00:00Z' } : undefined, scope: c.id === '2.4.1' ? 'template' : c.id === '3.2.3' ? 'site' : 'page', assignee: c.id === '1.1.1' ? 'tester' : undefined };
    })).filter((c) => (!q.state || c.state === q.state) && (!q.criterion || c.criterion === q.criterion));
    const pages = FAKE_PAGES.filter((p) => cells.some((c) => c.pageUrl === p.url) && (!q.page || p.url.includes(q.page)));
    return { criteria: q.criterion ? criteria.filter((c) => c.id === q.criterion) : criteria, pages, cells: cells.filter((c) => pages.some((p) => p.url === c.pageUrl)), total: pages.length };
  });
  app.post('/api/v1/ws/judgements', { preHandler: guard('tester') }, async (req, reply) => {
    const b = req.body as { criterion: string; pageUrl?: string; result: string; note: string; waiver?: string };
    const pages = b.pageUrl ? [b.pageUrl] : FAKE_PAGES.map((p) => p.url);
    for (const u of pages)
      if (b.result === 'pass' && auto.get(`${u} ${b.criterion}`) === 'fail' && !b.waiver)
        return reply.code(422).send({ verdict: 'error', error: { code: 'refused', message: `達成基準 ${b.criterion} は自動検査で × のページがあるため ○ にできません（${u}）。ページを直すか、免除の理由を書いてください。` } });
    for (const u of pages) judgements.set(`${u} ${b.criterion}`, { result: b.result, note: b.note });
    return reply.code(201).send({ judgement: { ...b } });
  });
  app.post('/api/v1/ws/assignments', { preHandler: guard('approver') }, async (_req, reply) => reply.code(201).send({}));
  app.post('/api/v1/ws/evidence', { preHandler: guard('tester') }, async () => ({ sha256: 'a'.repeat(64) }));
  app.get('/api/v1/ws/pages', { preHandler: guard('viewer') }, async (req) => {
    const url = (req.query as { url: string }).url;
    const page = FAKE_PAGES.find((p) => p.url === url) ?? FAKE_PAGES[1];
    return {
      page,
      screenshot: { url: `/api/v1/ws/files/${'b'.repeat(64)}`, width: 640, height: 400 },
      findings: [
        { ruleId: 'image-alt', kind: 'violation', rule: '画像の代替テキスト', kindLabel: '不適合', criteria: [{ id: '1.1.1', title: '非テキストコンテンツ' }], message: '画像に代替テキストがありません。', help: 'alt 属性で画像の内容を伝えてください。', box: { x: 40, y: 60, width: 200, height: 120 } },
        { ruleId: 'jis-link-text', kind: 'review', rule: 'リンクの目的', kindLabel: '要確認', criteria: [{ id: '2.4.4', title: 'リンクの目的（コンテキスト内）' }], message: '「こちら」だけのリンクがあります。', box: { x: 300, y: 250, width: 120, height: 30 } },
      ],
      judgements: [...judgements].filter(([k]) => k.startsWith(`${page.url} `)).map(([k, j]) => ({ criterion: k.split(' ')[1], ...j, who: 'tester', when: '2026-11-30T03:00:00Z', recheck: false })),
      evidence: [],
    };
  });
  app.get('/api/v1/ws/files/:sha', { preHandler: guard('viewer') }, async (_req, reply) => reply.type('image/png').send(png));
  app.get('/api/v1/ws/queue', { preHandler: guard('viewer') }, async () => ({
    groups: [{ rule: 'jis-link-text', ruleLabel: 'リンクの目的がわかりにくい', criteria: ['2.4.4'], template: 'detail', pages: FAKE_PAGES.slice(1).map(({ url, title }) => ({ url, title })), count: 6 }],
    total: 1,
  }));
  app.post('/api/v1/ws/queue/decide', { preHandler: guard('tester') }, async () => ({ pages: FAKE_PAGES.slice(1).map((p) => p.url) }));
  app.get('/api/v1/ws/approval', { preHandler: guard('viewer') }, async () => ({ ready: false, blockers: ['1.1.1 ごみの出し方: 自動で不適合'], draftUrl: '/draft.html', versions: [{ version: 1, approvedAt: '2025-12-01T02:00:00Z', approvedBy: '承認 太郎', statementDate: '2025-12-01', claim: 'AA 一部準拠', files: ['test-result.html'], urls: ['/draft.html'] }] }));
  app.get('/draft.html', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>試験結果（下書き）</title></head><body><main><h1>試験結果（下書き）</h1><p>試験未完了（公開用ではありません）</p></main></body></html>'));
  app.get('/api/v1/ws/users', { preHandler: guard('admin') }, async () => ({ users: USERS.map(({ login, displayName, role }) => ({ login, displayName, role, disabled: false })) }));

  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { base: `http://127.0.0.1:${port}`, writes, judgements, close: () => app.close() };
}
