// `npm run golden:update`: rewrites tests/fixtures/golden/ from the current code. Run it only after a change
// whose effect on the outputs is intended, and say in the commit which outputs changed and why.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkOutputs, demoOutputs, GOLDEN_DIR } from './outputs.js';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const [name, content] of Object.entries({ ...(await checkOutputs()), ...(await demoOutputs()) })) {
  writeFileSync(path.join(GOLDEN_DIR, name), content);
  console.log(`更新しました / written: ${path.relative(process.cwd(), path.join(GOLDEN_DIR, name))}`);
}
