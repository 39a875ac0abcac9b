import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { GIB, manyEntriesZip, member, rawZip, repeatedDeflate } from '../../../../../test/support/hostile-files.js';
import { readZip, type ZipLimits } from './bounded-zip.js';
import { UnsafeFileError } from './unsafe-file.js';

const limits: ZipLimits = { maxEntries: 100, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 };
const reason = async (zip: Buffer, within: ZipLimits = limits) => {
  try {
    await readZip(zip, within);
    return 'read';
  } catch (error) {
    return error instanceof UnsafeFileError ? error.reason : `other: ${(error as Error).message}`;
  }
};

describe('reading a zip within limits', () => {
  it('reads an ordinary archive, files in order, folders left out', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'Xin chào');
    zip.folder('b');
    zip.file('b/c.xml', '<c/>');
    const entries = await readZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), limits);
    expect(entries.map((e) => [e.name, e.data.toString('utf8')])).toEqual([
      ['a.txt', 'Xin chào'],
      ['b/c.xml', '<c/>'],
    ]);
  });

  it('refuses a bomb that declares its gigabytes, before inflating anything', async () => {
    const bomb = repeatedDeflate(Buffer.alloc(1 << 20), 2 * GIB);
    expect(await reason(rawZip([{ name: 'x', deflated: bomb.deflated, declaredSize: bomb.size, crc: bomb.crc }]))).toBe('zip_entry_too_large');
  });

  it('stops a bomb that lies about its size as soon as it inflates past what it declared', async () => {
    const bomb = repeatedDeflate(Buffer.alloc(1 << 20), 2 * GIB);
    const before = process.memoryUsage().rss;
    expect(await reason(rawZip([{ name: 'x', deflated: bomb.deflated, declaredSize: 1024, crc: bomb.crc }]))).toBe('zip_corrupt');
    // Cut at its declared kilobyte: nothing near the 2 GiB it holds was ever in memory.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('counts the total across entries, the entries, and the compression ratio', async () => {
    const small: ZipLimits = { maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 2 << 20, maxRatio: 50, ratioFloorBytes: 64 << 10 };
    expect(await reason(rawZip([member('a', Buffer.alloc(512 << 10, 1))]), small)).toBe('zip_ratio');
    expect(await reason(rawZip([member('a', Buffer.alloc(60 << 10, 1))]), small)).toBe('read'); // small parts compress well, harmlessly
    expect(await reason(manyEntriesZip(11, false), small)).toBe('zip_too_many_entries');
    expect(await reason(rawZip([member('a', randomBytes(900 << 10)), member('b', randomBytes(900 << 10)), member('c', randomBytes(900 << 10))]), small)).toBe('zip_too_large');
    expect(await reason(rawZip([member('a', randomBytes((1 << 20) + 1))]), small)).toBe('zip_entry_too_large');
  });

  it('refuses what is not a zip, or a zip cut short', async () => {
    expect(await reason(Buffer.from('PK\x03\x04 not really'))).toBe('zip_corrupt');
    const zip = rawZip([member('a.txt', 'Xin chào các bạn')]);
    expect(await reason(zip.subarray(0, zip.length - 10))).toBe('zip_corrupt');
  });
});
