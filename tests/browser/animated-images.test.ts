// Issue 17, round two: animated images (2.2.2 moving content, 2.3.1 flashes). The GIFs, APNG and WebP are made
// here with sharp (real encoders), served from 127.0.0.1 beside Japanese pages, and audited end to end in headless
// Chromium, where the bundle decodes them with WebCodecs' ImageDecoder.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUrl } from '../../crawler/page/audit-page.js';
import type { Finding, PageResult } from '../../rules-jis/types.js';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';

let auditor: Auditor;
beforeAll(async () => {
  auditor = await createAuditor();
  const banner = await animated({ frames: 6, delayMs: 800, loop: 0 }); // endless banner
  auditor.server.set('/img/banner.gif', { body: banner, type: 'image/gif' });
  auditor.server.set('/img/banner-png', { body: await animated({ frames: 6, delayMs: 800, loop: 0, format: 'png' }), type: 'image/png' });
  auditor.server.set('/img/banner.webp', { body: await animated({ frames: 6, delayMs: 800, loop: 0, format: 'webp' }), type: 'image/webp' });
  auditor.server.set('/img/long.gif', { body: await animated({ frames: 4, delayMs: 1000, loop: 2 }), type: 'image/gif' }); // played twice × 4 s
  auditor.server.set('/img/short.gif', { body: await animated({ frames: 4, delayMs: 500, loop: 1 }), type: 'image/gif' }); // 2 s, then stops
  auditor.server.set('/img/still.gif', { body: await animated({ frames: 1, delayMs: 0, loop: 0 }), type: 'image/gif' });
  auditor.server.set('/img/flash.gif', { body: await animated({ frames: 10, delayMs: 100, loop: 0, flash: true, size: 240 }), type: 'image/gif' });
  auditor.server.set('/img/flash-small.gif', { body: await animated({ frames: 10, delayMs: 100, loop: 0, flash: true, size: 60 }), type: 'image/gif' });
  auditor.server.set('/img/slow-blink.gif', { body: await animated({ frames: 2, delayMs: 1000, loop: 0, flash: true, size: 240 }), type: 'image/gif' });
});
afterAll(async () => {
  await auditor?.close();
});

/** An animation of `frames` frames (a moving bar, or black/white when `flash`) as GIF, APNG or WebP. */
async function animated(o: { frames: number; delayMs: number; loop: number; flash?: boolean; size?: number; format?: 'gif' | 'png' | 'webp' }): Promise<Buffer> {
  const w = o.size ?? 120;
  const h = o.size ?? 120;
  const raw = Buffer.alloc(w * h * o.frames * 4);
  for (let f = 0; f < o.frames; f++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const at = ((f * h + y) * w + x) * 4;
        const v = o.flash ? (f % 2 ? 255 : 0) : Math.abs(x - (f * w) / o.frames) < 8 ? 0 : 230;
        raw.fill(v, at, at + 3);
        raw[at + 3] = 255;
      }
    }
  }
  const img = sharp(raw, { raw: { width: w, height: h * o.frames, channels: 4, pageHeight: h } as never });
  const delay = Array(o.frames).fill(o.delayMs);
  if (o.format === 'webp') return img.webp({ loop: o.loop, delay, lossless: true }).toBuffer();
  if (o.format === 'png') return apng(await img.png().toBuffer(), o.frames, o.delayMs, w, h, raw);
  return img.gif({ loop: o.loop, delay }).toBuffer();
}

/**
 * An APNG: sharp (libvips) writes only the first frame of a PNG, so the animation chunks (acTL, fcTL, fdAT) are
 * written here around frames sharp encodes one by one.
 */
async function apng(_first: Buffer, frames: number, delayMs: number, w: number, h: number, raw: Buffer): Promise<Buffer> {
  const { crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const idats: Buffer[] = [];
  let ihdr: Buffer | null = null;
  for (let f = 0; f < frames; f++) {
    const png = await sharp(raw.subarray(f * w * h * 4, (f + 1) * w * h * 4), { raw: { width: w, height: h, channels: 4 } }).png().toBuffer();
    const parts: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const len = png.readUInt32BE(at);
      const type = png.toString('ascii', at + 4, at + 8);
      if (type === 'IHDR') ihdr = png.subarray(at, at + 12 + len);
      if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    idats.push(Buffer.concat(parts));
  }
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(frames, 0);
  actl.writeUInt32BE(0, 4); // 0 = endless
  const out: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr!, chunk('acTL', actl)];
  let seq = 0;
  idats.forEach((data, f) => {
    const fctl = Buffer.alloc(26);
    fctl.writeUInt32BE(seq++, 0);
    fctl.writeUInt32BE(w, 4);
    fctl.writeUInt32BE(h, 8);
    fctl.writeUInt16BE(delayMs, 20);
    fctl.writeUInt16BE(1000, 22);
    out.push(chunk('fcTL', fctl));
    if (f === 0) out.push(chunk('IDAT', data));
    else {
      const s = Buffer.alloc(4);
      s.writeUInt32BE(seq++);
      out.push(chunk('fdAT', Buffer.concat([s, data])));
    }
  });
  out.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(out);
}

async function auditAt(path: string, body: string): Promise<PageResult> {
  auditor.server.set(path, jaPage(body, { title: 'お知らせ | ひばり県' }));
  const page = await auditor.browser.newPage();
  try {
    const { result } = await auditUrl(page, auditor.server.url + path);
    expect(result.error).toBeUndefined();
    return result;
  } finally {
    await page.close();
  }
}

const of = (r: PageResult, ruleId: string): Finding[] => r.findings.filter((f) => f.ruleId === ruleId);
const outcome = (r: PageResult, id: string) => r.criteria.find((c) => c.id === id)?.outcome;

describe('2.2.2: an animated image that runs longer than five seconds with nothing to stop it', () => {
  it('an endless banner GIF in a news list is a violation of 2.2.2 that says it never stops', async () => {
    const r = await auditAt('/banner.html', '<h1>お知らせ</h1><p><a href="/event.html"><img src="/img/banner.gif" alt="県民まつり 10月5日開催" width="120" height="120"></a></p><p>県民まつりを開催します。</p>');
    const f = of(r, 'jis-animated-image');
    expect(f.map((x) => [x.kind, x.criteria])).toEqual([['violation', ['2.2.2']]]);
    expect(f[0].message).toMatch(/6 コマ.*止まらずに繰り返し.*止めるボタンがありません/);
    expect(outcome(r, '2.2.2')).toBe('fail');
  });

  it.each([
    ['an endless APNG', '/img/banner-png'],
    ['an endless animated WebP', '/img/banner.webp'],
  ])('%s is found the same way', async (_what, src) => {
    const r = await auditAt(`/fmt${src.replace(/\W/g, '-')}.html`, `<h1>お知らせ</h1><div><img src="${src}" alt="お知らせ" width="120" height="120"></div>`);
    expect(of(r, 'jis-animated-image').map((x) => x.kind)).toEqual(['violation']);
  });

  it('a GIF of four seconds played twice (8 s: sharp loop 2 = ImageDecoder repetitionCount 1) is found, with its length', async () => {
    const r = await auditAt('/long.html', '<h1>お知らせ</h1><div><img src="/img/long.gif" alt="説明会のご案内" width="120" height="120"></div>');
    const f = of(r, 'jis-animated-image');
    expect(f.map((x) => x.kind)).toEqual(['violation']);
    expect(f[0].message).toContain('約 8 秒');
  });

  it('a 2-second GIF that stops, a static GIF and a JPEG-like still image give nothing', async () => {
    const r = await auditAt('/quiet.html', '<h1>お知らせ</h1><div><img src="/img/short.gif" alt="新着" width="120" height="120"></div><div><img src="/img/still.gif" alt="地図" width="120" height="120"></div>');
    expect(of(r, 'jis-animated-image')).toEqual([]);
    expect(outcome(r, '2.2.2')).not.toBe('fail');
  });

  it('an endless GIF with a 停止 button beside it that swaps in a still image gives nothing', async () => {
    const body = `<h1>お知らせ</h1>
<figure><img id="anim" src="/img/banner.gif" alt="県民まつり 10月5日開催" width="120" height="120">
<figcaption>県民まつり <button type="button" onclick="document.getElementById('anim').src='/img/still.gif'">アニメーションを停止</button></figcaption></figure>`;
    const r = await auditAt('/with-stop.html', body);
    expect(of(r, 'jis-animated-image')).toEqual([]);
  });

  it('a stop control only the mouse can use (a span with onclick) is a review, not a violation', async () => {
    const body = `<h1>お知らせ</h1><div><img id="anim" src="/img/banner.gif" alt="県民まつり" width="120" height="120"><span onclick="this.previousElementSibling.src='/img/still.gif'">停止</span></div>`;
    const r = await auditAt('/mouse-stop.html', body);
    const f = of(r, 'jis-animated-image');
    expect(f.map((x) => x.kind)).toEqual(['review']);
    expect(f[0].message).toMatch(/マウスでしか使えません/);
  });

  it('the pages above were decoded for real: 127.0.0.1 is a secure context with ImageDecoder (a plain-http page elsewhere has none, and its images are left unjudged)', async () => {
    const page = await auditor.browser.newPage();
    try {
      await page.goto(auditor.server.url + '/banner.html');
      const has = await page.evaluate(() => isSecureContext && typeof (globalThis as { ImageDecoder?: unknown }).ImageDecoder === 'function');
      expect(has).toBe(true); // 127.0.0.1 is a secure context: the checks above really decoded
    } finally {
      await page.close();
    }
  });
});

describe('2.3.1: an animated image that flashes more than three times a second over a large area', () => {
  it('a 240 px black/white GIF at 10 frames a second is a review of 2.3.1 naming the flash rate', async () => {
    const r = await auditAt('/flash.html', '<h1>キャンペーン</h1><div><img src="/img/flash.gif" alt="キャンペーン" width="240" height="240"></div>');
    const f = of(r, 'jis-image-flash');
    expect(f.map((x) => [x.kind, x.criteria])).toEqual([['review', ['2.3.1']]]);
    expect(f[0].message).toMatch(/最大 5 回/);
    expect(outcome(r, '2.3.1')).toBe('review');
  });

  it('the same flashing shown at 60 px (below the flash area) and a slow one-second blink give no flash finding', async () => {
    const r = await auditAt('/no-flash.html', '<h1>キャンペーン</h1><div><img src="/img/flash-small.gif" alt="キャンペーン" width="60" height="60"></div><div><img src="/img/slow-blink.gif" alt="お知らせ" width="240" height="240"></div>');
    expect(of(r, 'jis-image-flash')).toEqual([]);
  });
});
