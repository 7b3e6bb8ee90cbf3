// The order of the test files: longest first (by tests/file-seconds.json), so that two workers finish close
// together instead of one long file running alone at the end. vitest's own order uses the durations of the
// previous run on this machine, which a fresh CI clone does not have (it then keeps the order files were found).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** What a file not listed is taken to last, in seconds: about the median of the listed ones' tail. */
const UNLISTED_S = 20;

const table = JSON.parse(readFileSync(path.join(import.meta.dirname, 'file-seconds.json'), 'utf8')) as { files: Record<string, number> };

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (f: TestSpecification) => table.files[path.relative(root, f.moduleId).split(path.sep).join('/')] ?? UNLISTED_S;
    const base = await super.sort(files);
    // a stable sort: files of equal weight keep vitest's order
    return base.map((f, i) => ({ f, i, s: seconds(f) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.f);
  }
}
