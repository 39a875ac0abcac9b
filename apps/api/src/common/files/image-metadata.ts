import { UnsafeFileError } from './unsafe-file.js';

/**
 * Removes what a camera or an editor wrote about the picture's author from JPEG and PNG files,
 * at the level of their segments and chunks (no decoding, so no pixel is changed and nothing is
 * re-encoded). Other images come back unchanged. A file that claims to be JPEG or PNG but whose
 * structure does not hold is refused: it could not be cleaned with confidence.
 */
export function stripImageMetadata(image: Buffer): Buffer {
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return stripJpeg(image);
  if (image.subarray(0, 8).equals(PNG_SIGNATURE)) return stripPng(image);
  return image;
}

/**
 * JPEG segments kept before the image data: APP0 (JFIF), APP2 only as an ICC colour profile,
 * APP14 (Adobe colour transform) and every non-APP marker (tables, frame). Dropped: APP1 (Exif,
 * with Artist, camera serials, GPS, and XMP), APP3–APP13 (IPTC in APP13 names the photographer),
 * APP15, and COM comments.
 */
function stripJpeg(image: Buffer): Buffer {
  const kept: Buffer[] = [image.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= image.length) {
    if (image[at] !== 0xff) throw new UnsafeFileError('image_malformed');
    const marker = image[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Start of scan: the entropy-coded data and everything after it are the picture.
    if (marker === 0xda) {
      kept.push(image.subarray(at));
      return Buffer.concat(kept);
    }
    const length = image.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > image.length) throw new UnsafeFileError('image_malformed');
    const segment = image.subarray(at, at + 2 + length);
    if (keepJpegSegment(marker, segment)) kept.push(segment);
    at += 2 + length;
  }
  throw new UnsafeFileError('image_malformed');
}

function keepJpegSegment(marker: number, segment: Buffer): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0 || marker === 0xee) return true;
  return marker === 0xe2 && segment.subarray(4, 16).toString('latin1') === 'ICC_PROFILE\0';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text chunks (Author, Comment, Software, XMP in iTXt), Exif, and the last-modified time. */
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(image: Buffer): Buffer {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= image.length) {
    const length = image.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > image.length) throw new UnsafeFileError('image_malformed');
    const type = image.subarray(at + 4, at + 8).toString('latin1');
    if (!PNG_DROPPED.has(type)) kept.push(image.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  throw new UnsafeFileError('image_malformed');
}
