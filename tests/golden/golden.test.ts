// Behaviour kept across refactors: `check --format json` on every page of the sample site, and the demo's
// reports, equal the golden files (times, dates and ports taken out). An intended change updates them with
// `npm run golden:update`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDemoFolder } from '../helpers/shared-fixtures.js';
import { checkOutputs, demoOutputs, GOLDEN_DIR, type Outputs } from './outputs.js';

function expectGolden(outputs: Outputs): void {
  for (const [name, content] of Object.entries(outputs)) {
    const golden = readFileSync(path.join(GOLDEN_DIR, name), 'utf8');
    // compare line by line so a failure shows the first differing lines, not a 400 kB string
    expect(content.split('\n'), `${name} differs from tests/fixtures/golden/${name}`).toEqual(golden.split('\n'));
  }
}

describe('golden outputs of the sample site', () => {
  it('check --format json gives the same result on every page', async () => {
    expectGolden(await checkOutputs());
  }, 300_000);

  it('the demo writes the same reports', async () => {
    // the demo run once for every file that reads it (the CLI as a child process, one tab)
    expectGolden(await demoOutputs(await sharedDemoFolder()));
  }, 300_000);
});
