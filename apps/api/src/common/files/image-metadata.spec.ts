import { describe, expect, it } from '@jest/globals';
import { jpegWithAuthor, pngWithAuthor } from '../../../../../test/support/hostile-files.js';
import { stripImageMetadata } from './image-metadata.js';
import { UnsafeFileError } from './unsafe-file.js';

const NAME = 'Nguyễn Văn An';
const holds = (file: Buffer, text: string) => file.includes(Buffer.from(text, 'utf8'));

describe('image metadata', () => {
  it('JPEG: drops Exif, XMP, IPTC and comments; keeps JFIF, the ICC profile, tables and the picture', () => {
    const original = jpegWithAuthor(NAME);
    expect(holds(original, NAME)).toBe(true);
    const stripped = stripImageMetadata(original);
    expect(holds(stripped, NAME)).toBe(false);
    expect(holds(stripped, 'Exif')).toBe(false);
    expect(holds(stripped, 'JFIF')).toBe(true);
    expect(holds(stripped, 'ICC_PROFILE')).toBe(true);
    expect(stripped.subarray(-8).toString('latin1')).toBe('PIXELS\xff\xd9');
  });

  it('PNG: drops tEXt, iTXt, zTXt and eXIf; keeps the header, the pixels and the end', () => {
    const original = pngWithAuthor(NAME);
    const stripped = stripImageMetadata(original);
    expect(holds(stripped, NAME)).toBe(false);
    for (const type of ['tEXt', 'iTXt', 'zTXt', 'eXIf']) expect(holds(stripped, type)).toBe(false);
    for (const type of ['IHDR', 'IDAT', 'IEND']) expect(holds(stripped, type)).toBe(true);
  });

  it('refuses a JPEG or PNG whose structure is broken, and leaves other files alone', () => {
    const jpeg = jpegWithAuthor(NAME);
    expect(() => stripImageMetadata(jpeg.subarray(0, 30))).toThrow(UnsafeFileError);
    expect(() => stripImageMetadata(pngWithAuthor(NAME).subarray(0, 40))).toThrow(UnsafeFileError);
    const gif = Buffer.from('GIF89a....');
    expect(stripImageMetadata(gif)).toBe(gif);
  });
});
