import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentKind } from '@hoi-thi/contracts';
import { APP_CONFIG, type AppConfig } from '../../../config/env.schema.js';

/** Attachments on disk under DATA_DIR/uploads/essays/<roundId>/; the database keeps the relative path. */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'uploads');
  }

  /** Writes the file under a fresh name (temporary file, then rename) and returns its relative path. */
  async save(roundId: string, entryId: string, kind: AttachmentKind, file: Buffer): Promise<string> {
    const path = join('essays', roundId, `${entryId}-${randomBytes(8).toString('hex')}.${kind}`);
    const target = this.resolve(path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.part`;
    await writeFile(temporary, file);
    await rename(temporary, target);
    return path;
  }

  read(path: string): Promise<Buffer> {
    return readFile(this.resolve(path));
  }

  /** Best effort: a file already gone is fine. */
  async remove(path: string): Promise<void> {
    await rm(this.resolve(path), { force: true });
  }

  /** Paths come from the database, but never let one point outside the uploads folder. */
  private resolve(path: string): string {
    const absolute = resolve(this.root, path);
    const inside = relative(this.root, absolute);
    if (inside.startsWith('..') || inside.startsWith(sep) || inside === '') throw new Error(`attachment path outside uploads: ${path}`);
    return absolute;
  }
}
