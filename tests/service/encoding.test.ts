// Issue 21 case 10, the HTTP half: the check API takes the page's bytes in any encoding (`htmlBase64`, with an
// optional `encoding`), decoded as a browser would, so a Shift_JIS or EUC-JP page from an older CMS keeps its
// Japanese title and the same findings (4.1.1 included) as the same page in UTF-8.
// Fixtures: tests/service/fixtures/*-news.html, made with Debian's iconv from one UTF-8 page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './harness.js';

const fixture = (f: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', f));
const TITLE = '令和７年度　防災訓練のお知らせ｜みどり県';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ schedules: [] });
});

afterAll(async () => {
  await h?.close();
});

const check = async (body: object) => {
  const r = await h.raw('POST', '/api/v1/check', { token: TOKEN, body: JSON.stringify(body) });
  return r;
};
const baseUrl = () => `${h.site.url}/bousai/kunren.html`;
const rules = (v: any) => [...v.blocking, ...v.review].map((f: any) => f.ruleId).sort();

describe('htmlBase64: bytes in any encoding (issue 21 case 10)', () => {
  it('a Shift_JIS page sent as base64 keeps its Japanese title and has the findings of its UTF-8 twin', async () => {
    const sjis = fixture('sjis-news.html');
    const utf8 = new TextDecoder('shift_jis').decode(sjis).replace('charset="Shift_JIS"', 'charset="UTF-8"');
    const r = await check({ htmlBase64: sjis.toString('base64'), baseUrl: baseUrl() });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.json.title).toBe(TITLE);
    expect(r.headers['x-source-encoding']).toBe('shift_jis');
    const twin = await check({ html: utf8, baseUrl: baseUrl() });
    expect(twin.json.title).toBe(TITLE);
    expect(rules(r.json)).toEqual(rules(twin.json));
    // The duplicate id is found by the 4.1.1 source check in the decoded text, with its line.
    const dup = r.json.blocking.find((f: any) => f.source === 'source');
    expect(dup?.criteria).toContain('4.1.1');
    expect(JSON.stringify(r.json)).not.toMatch(/\uFFFD/);
  });

  it('EUC-JP (meta charset) and Shift_JIS without a meta (declared by "encoding") decode the same', async () => {
    const euc = await check({ htmlBase64: fixture('eucjp-news.html').toString('base64'), baseUrl: baseUrl() });
    expect(euc.status).toBe(200);
    expect(euc.json.title).toBe(TITLE);
    expect(euc.headers['x-source-encoding']).toBe('euc-jp');
    const declared = await check({ htmlBase64: fixture('sjis-news-no-meta.html').toString('base64'), encoding: 'Shift_JIS', baseUrl: baseUrl() });
    expect(declared.status).toBe(200);
    expect(declared.json.title).toBe(TITLE);
  });

  it('UTF-8 bytes with a BOM, and plain "html" as before', async () => {
    const page = new TextDecoder('shift_jis').decode(fixture('sjis-news.html')).replace('charset="Shift_JIS"', 'charset="UTF-8"');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, 'utf8')]);
    const r = await check({ htmlBase64: bom.toString('base64'), baseUrl: baseUrl() });
    expect(r.json.title).toBe(TITLE);
    expect((await check({ html: page, baseUrl: baseUrl() })).json.title).toBe(TITLE);
  });

  it('refuses what it cannot read, in Japanese, and checks nothing', async () => {
    const sjis = fixture('sjis-news.html').toString('base64');
    const cases: [object, RegExp][] = [
      [{ htmlBase64: sjis, html: '<p>x</p>', baseUrl: baseUrl() }, /同時に指定できません/],
      [{ htmlBase64: '%%% not base64 %%%', baseUrl: baseUrl() }, /base64 として読めません/],
      [{ htmlBase64: sjis, encoding: 'klingon', baseUrl: baseUrl() }, /文字コード「klingon」は使えません/],
      [{ html: '<p>x</p>', encoding: 'Shift_JIS', baseUrl: baseUrl() }, /"encoding" は "htmlBase64"/],
      [{ htmlBase64: sjis }, /"baseUrl"/],
      [{ htmlBase64: '', baseUrl: baseUrl() }, /base64 として読めません/],
      [{ htmlbase64: sjis, baseUrl: baseUrl() }, /知らない項目があります: "htmlbase64"/],
    ];
    const before = (await h.service.verdictLog.recentVerdicts(100)).length;
    for (const [body, message] of cases) {
      const r = await check(body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error.message).toMatch(message);
    }
    expect((await h.service.verdictLog.recentVerdicts(100)).length).toBe(before);
  });
});
