// The process guard's decision (crawler/service/process-guard.ts), case by case: which errors `serve` survives
// and what it writes. The end-to-end proof (a real serve process) is in front-door.test.ts.
import { describe, expect, it } from 'vitest';
import { currentContext, describeFailure, isRecoverable, runInContext } from '../../crawler/service/process-guard.js';

const busy = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
const storeBusy = Object.assign(new Error('保存先が使用中です'), { name: 'StoreBusyError' });
const bug = new TypeError("Cannot read properties of undefined (reading 'x')");

describe('the process guard', () => {
  it('survives transient errors anywhere, and unknown throws inside a request or a scheduled crawl', () => {
    expect(isRecoverable(busy, 'uncaughtException', undefined)).toBe(true);
    expect(isRecoverable(storeBusy, 'uncaughtException', undefined)).toBe(true);
    expect(isRecoverable(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'uncaughtException', undefined)).toBe(true);
    expect(isRecoverable(Object.assign(new Error('x'), { recoverable: true }), 'uncaughtException', undefined)).toBe(true);
    expect(isRecoverable(bug, 'uncaughtException', { requestId: 'a1b2c3d4' })).toBe(true);
    expect(isRecoverable(bug, 'uncaughtException', { schedule: 'weekly' })).toBe(true);
    expect(isRecoverable(bug, 'unhandledRejection', undefined)).toBe(true);
    expect(isRecoverable('a string', 'unhandledRejection', undefined)).toBe(true);
  });

  it('ends on an unknown throw outside any request, or on an error that says it is not recoverable', () => {
    expect(isRecoverable(bug, 'uncaughtException', undefined)).toBe(false);
    expect(isRecoverable(bug, 'uncaughtException', {})).toBe(false);
    expect(isRecoverable(Object.assign(new Error('x'), { recoverable: false, code: 'SQLITE_BUSY' }), 'unhandledRejection', { requestId: 'a' })).toBe(false);
  });

  it('says in Japanese where it happened, what, and what the service does next', () => {
    expect(describeFailure(bug, 'uncaughtException', { requestId: 'a1b2c3d4' }, true)).toMatch(
      /^要求 a1b2c3d4 の処理中に捕捉されなかった例外が起きました。サービスは動作を続けます。\nTypeError: Cannot read/,
    );
    expect(describeFailure(busy, 'unhandledRejection', { schedule: '週次検査' }, true)).toMatch(/^定期検査「週次検査」の実行中に処理されなかった Promise の拒否が起きました。/);
    expect(describeFailure('x', 'uncaughtException', undefined, false)).toBe('要求の外に捕捉されなかった例外が起きました。回復できないエラーのため、サービスを停止します（終了コード 2）。\nx');
  });

  it('a context follows timers and promises started inside it', async () => {
    const seen = await runInContext({ schedule: 'weekly' }, () => new Promise((resolve) => setTimeout(() => resolve(currentContext()), 5)));
    expect(seen).toEqual({ schedule: 'weekly' });
    expect(currentContext()).toBeUndefined();
  });
});
