// PDF of an HTML report (A4, Japanese fonts from the system's fonts-noto-cjk) through headless Chromium.
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../crawler/page/browser.js';

export async function htmlToPdf(html: string, opts: { browser?: Browser; title?: string } = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await launchBrowser());
  try {
    const page = await browser.newPage();
    try {
      // the report is self-contained: no network needed
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMediaType('print');
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
        tagged: true,
        outline: true,
      });
      return Buffer.from(pdf);
    } finally {
      await page.close().catch(() => {});
    }
  } finally {
    if (!opts.browser) await browser.close().catch(() => {});
  }
}
