// Issue 17, round two: a date entered in three selects labelled only by the 年/月/日 written after each. axe's
// select-name fails each select; the finding names the pattern and its fix (fieldset/legend 「生年月日」 and a
// label or aria-label 年/月/日 on each select) from the catalogue (data/rules/axe.json select-name `variants`),
// and a correctly labelled 年/月/日 group stays silent. Real headless Chromium, pages from 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import { fillMessage } from '../../rules-jis/catalogue/apply.js';
import type { Finding } from '../../rules-jis/types.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

let auditor: Auditor;
beforeAll(async () => {
  auditor = await createAuditor();
});
afterAll(async () => {
  await auditor?.close();
});

const opts = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `<option>${from + i}</option>`).join('');
const selectName = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'select-name');
const variant = ruleCatalogue().get('select-name').variants!['date-part'];

describe('select-name on a date split into 年/月/日 selects', () => {
  it('each select labelled only by the 年/月/日 after it gets the message of the pattern and its fix', async () => {
    const html = jaPage(`<h1>申込書</h1><form action="/send">
<p>生年月日 <select name="y">${opts(1930, 2020)}</select>年 <select name="m">${opts(1, 12)}</select>月 <select name="d">${opts(1, 31)}</select>日</p>
<p><button type="submit">送信</button></p></form>`);
    const f = selectName((await auditor.audit(html)).findings);
    expect(f.map((x) => x.kind)).toEqual(['violation', 'violation', 'violation']);
    expect(f.map((x) => x.message)).toEqual(['年', '月', '日'].map((part) => fillMessage(variant.message, { part })));
    for (const x of f) {
      expect(x.help).toContain('fieldset');
      expect(x.help).toContain('legend に「生年月日」');
      expect(x.help).toContain('aria-label="年"');
    }
  });

  it('a date in selects wrapped in spans 年/月/日 is the same pattern', async () => {
    const html = jaPage(`<h1>予約</h1><form action="/send"><div>来庁日 <select name="y">${opts(2026, 2027)}</select><span>年</span><select name="m">${opts(1, 12)}</select><span>月</span><select name="d">${opts(1, 31)}</select><span>日</span></div></form>`);
    const f = selectName((await auditor.audit(html)).findings);
    expect(f.length).toBe(3);
    expect(f[2].message).toContain('隣の「日」の文字しか');
  });

  it('a correctly labelled 年/月/日 group (fieldset, legend 生年月日, a label or aria-label on each select) is silent', async () => {
    const html = jaPage(`<h1>申込書</h1><form action="/send"><fieldset><legend>生年月日</legend>
<select id="y" name="y" aria-label="年">${opts(1930, 2020)}</select>年
<select id="m" name="m" aria-label="月">${opts(1, 12)}</select>月
<label><select name="d">${opts(1, 31)}</select>日</label></fieldset><p><button type="submit">送信</button></p></form>`);
    const r = await auditor.audit(html);
    expect(selectName(r.findings)).toEqual([]);
  });

  it('an unlabelled select that is not part of a date keeps the general message', async () => {
    const html = jaPage(`<h1>検索</h1><form action="/search"><p><select name="city"><option>みどり市</option><option>あおば町</option></select> <button>検索</button></p></form>`);
    const f = selectName((await auditor.audit(html)).findings);
    expect(f.length).toBe(1);
    expect(f[0].message).toBe(ruleCatalogue().get('select-name').message);
  });
});
