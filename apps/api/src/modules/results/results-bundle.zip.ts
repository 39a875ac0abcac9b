import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';

/** A download the client gave up on: the producer stops reading the database. */
export class ZipConsumerGone extends Error {}

/**
 * A zip written as it is read: each file is deflated chunk by chunk into `stream`, and the producer
 * waits while the client is slower than the database (the stream's buffer is full), so memory stays
 * bounded whatever the size of the round. Each file's SHA-256 is computed on the way.
 */
export class StreamingZip {
  readonly stream = new PassThrough({ highWaterMark: 256 * 1024 });
  private readonly zip: Zip;

  constructor(private readonly mtime: Date) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.stream.destroy(error);
        return;
      }
      if (!this.stream.destroyed) this.stream.write(chunk);
      if (final) this.stream.end();
    });
  }

  /** Adds a file from its pieces of text (UTF-8); returns its SHA-256 in hex. */
  async file(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<string> {
    const entry = new ZipDeflate(name, { level: 6 });
    // A fixed time: the same round gives the same archive bytes.
    entry.mtime = this.mtime;
    this.zip.add(entry);
    const hash = createHash('sha256');
    for await (const text of pieces) {
      if (!text) continue;
      const bytes = Buffer.from(text, 'utf8');
      hash.update(bytes);
      entry.push(bytes);
      await this.drained();
    }
    entry.push(new Uint8Array(0), true);
    await this.drained();
    return hash.digest('hex');
  }

  end(): void {
    this.zip.end();
  }

  fail(error: Error): void {
    this.zip.terminate();
    this.stream.destroy(error);
  }

  private async drained(): Promise<void> {
    if (this.stream.destroyed) throw new ZipConsumerGone();
    if (!this.stream.writableNeedDrain) return;
    await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]);
    if (this.stream.destroyed) throw new ZipConsumerGone();
  }
}
