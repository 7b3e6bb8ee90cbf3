// The service harness's own schedule must really crawl: a config the schema refuses would make every scheduled run
// in the service tests fail quietly (it did: `interaction: false` instead of `{ enabled: false }`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a scheduled crawl from the service', () => {
  it('finishes, stores its run and writes the reports', async () => {
    expect((await h.raw('POST', '/api/v1/schedules/weekly/run', { token: TOKEN })).status).toBe(202);
    await h.service.scheduler.idle('weekly');
    const last = h.service.scheduler.status()[0].lastRun;
    expect(last?.message, last?.message).toBeUndefined();
    expect(last?.status).toBe('finished');
    expect(last?.runId).toBeGreaterThan(0);
  });
});
