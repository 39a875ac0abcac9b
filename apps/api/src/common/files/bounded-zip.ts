import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { UnsafeFileError } from './unsafe-file.js';

export interface ZipLimits {
  /** Entries in the central directory (directories included). */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries larger than `ratioFloorBytes` (small parts compress well and harmlessly). */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** One file of the archive, in central-directory order. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Reads every file of a zip into memory within `limits`, or throws `UnsafeFileError`. The declared
 * sizes are checked before anything is inflated, and the inflated bytes are counted while they
 * stream: yauzl stops an entry that inflates past its declared size (`validateEntrySizes`), so a
 * bomb lying about its sizes is cut off at the limit, never inflated in full.
 */
export async function readZip(buffer: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  const zip = await openZip(buffer);
  try {
    if (zip.entryCount > limits.maxEntries) throw new UnsafeFileError('zip_too_many_entries', limits.maxEntries);
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new UnsafeFileError('zip_encrypted');
      if (!entry.canDecodeFileData()) throw new UnsafeFileError('zip_corrupt');
      checkDeclared(entry, total, limits);
      const data = await inflate(zip, entry, limits, total);
      total += data.length;
      entries.push({ name: entry.fileName, data });
    }
    return entries;
  } finally {
    zip.close();
  }
}

function checkDeclared(entry: Entry, totalSoFar: number, limits: ZipLimits): void {
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) throw new UnsafeFileError('zip_entry_too_large', limits.maxEntryBytes);
  if (totalSoFar + size > limits.maxTotalBytes) throw new UnsafeFileError('zip_too_large', limits.maxTotalBytes);
  if (size > limits.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
    throw new UnsafeFileError('zip_ratio', limits.maxRatio);
  }
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // lazyEntries: one entry at a time, so a huge central directory is never held as objects at once.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (error, zip) =>
      error ? reject(new UnsafeFileError('zip_corrupt')) : resolve(zip),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = () => (cleanup(), reject(new UnsafeFileError('zip_corrupt')));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes as they come and stopping the stream at whichever limit is lower. */
function inflate(zip: ZipFile, entry: Entry, limits: ZipLimits, totalSoFar: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new UnsafeFileError('zip_corrupt'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxEntryBytes || totalSoFar + size > limits.maxTotalBytes) {
          stream.destroy();
          const entryLimit = size > limits.maxEntryBytes;
          reject(entryLimit ? new UnsafeFileError('zip_entry_too_large', limits.maxEntryBytes) : new UnsafeFileError('zip_too_large', limits.maxTotalBytes));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => reject(new UnsafeFileError('zip_corrupt')));
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}
