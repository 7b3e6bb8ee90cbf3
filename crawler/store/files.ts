// The content-addressed files beside a store (issue 15): screenshots and evidence live in `<store>.files/`,
// each named by the SHA-256 of its bytes, so the same picture taken twice is one file, a name says nothing a
// user chose, and a URL such as /ws/files/<sha256> can never name anything else. This is the one module that
// builds a path in that folder, and it builds it only from a name that matches ^[0-9a-f]{64}$: anything else
// (`..`, a slash, a backslash, an absolute path, an encoded one) is refused before the disk is touched.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** Whether `s` is a file name of the folder (64 lowercase hex characters). */
export function isSha256(s: unknown): s is string {
  return typeof s === 'string' && SHA256.test(s);
}

export const sha256Of = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The files folder of a store file: `<store>.files` beside it. */
export function filesDirOf(storeFile: string): string {
  return `${path.resolve(storeFile)}.files`;
}

export class ContentFiles {
  constructor(readonly dir: string) {}

  /** For the store at `storeFile`. */
  static of(storeFile: string): ContentFiles {
    return new ContentFiles(filesDirOf(storeFile));
  }

  /** The path of a file; throws for anything that is not a SHA-256 name. */
  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`ファイル名が SHA-256（16 進 64 文字）ではありません: ${String(sha256).slice(0, 80)}`);
    return path.join(this.dir, sha256);
  }

  /** Writes `bytes` under their hash (written once: an existing file is kept). Returns the hash and whether it was new. */
  async put(bytes: Buffer): Promise<{ sha256: string; created: boolean }> {
    const sha256 = sha256Of(bytes);
    const file = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, created: false };
    mkdirSync(this.dir, { recursive: true });
    // written whole under a temporary name, then renamed: a reader never sees half a file
    const tmp = path.join(this.dir, `.tmp-${randomUUID()}`);
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    return { sha256, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return stat(this.pathOf(sha256)).then((s) => s.isFile(), () => false);
  }

  /** The bytes, or null when the name is not a hash or there is no such file. */
  async read(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    return readFile(this.pathOf(sha256)).catch(() => null);
  }
}
