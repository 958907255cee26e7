// Where uploaded bytes live. Local directory by default; an S3-compatible store implements the
// same interface for multi-process deployments (docs/scale-out.md).
import fs from 'node:fs/promises';
import path from 'node:path';

export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}
  private file(key: string): string {
    if (!/^[a-z0-9/-]+$/i.test(key) || key.includes('..')) throw new Error('invalid blob key');
    return path.join(this.root, key);
  }
  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under the real name.
    const tmp = `${file}.tmp-${process.pid}`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  }
  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.file(key));
  }
}
