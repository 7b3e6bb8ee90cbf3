// Once per `vitest run`: a folder for the fixtures that several files share (tests/helpers/shared-fixtures.ts
// builds them there on first use), new for the run and removed after it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-shared-fixtures-'));
  project.provide('sharedFixtureDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
