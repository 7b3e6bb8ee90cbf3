// Tab / Shift+Tab / Escape sent straight through CDP, keyDown and keyUp pipelined in one round trip.
// Puppeteer's keyboard.press awaits each event separately; on a page with 150 stops pressed twice
// (forward and back) that is most of the phase's time.
import type { CDPSession, Page } from 'puppeteer';

const KEYS = {
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 },
  Escape: { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27, nativeVirtualKeyCode: 27 },
} as const;

export type KeyName = keyof typeof KEYS;

export class KeySender {
  private constructor(private readonly cdp: CDPSession | null, private readonly page: Page) {}

  static async open(page: Page): Promise<KeySender> {
    try {
      return new KeySender(await page.createCDPSession(), page);
    } catch {
      return new KeySender(null, page);
    }
  }

  async press(name: KeyName, shift = false): Promise<void> {
    if (!this.cdp) {
      // fallback: puppeteer's own keyboard
      if (shift) await this.page.keyboard.down('Shift');
      try {
        await this.page.keyboard.press(name);
      } finally {
        if (shift) await this.page.keyboard.up('Shift');
      }
      return;
    }
    const k = KEYS[name];
    const modifiers = shift ? 8 : 0;
    // same session, so CDP keeps the order: down is handled before up
    await Promise.all([
      this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', modifiers, ...k }),
      this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers, ...k }),
    ]);
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => {});
  }
}
