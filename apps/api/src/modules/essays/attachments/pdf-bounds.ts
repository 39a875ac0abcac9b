import { constants, inflateSync } from 'node:zlib';
import { UnsafeFileError } from '../../../common/files/unsafe-file.js';

/**
 * What one PDF may cost before pdf-lib parses it. pdf-lib builds an object for every PDF object
 * and, while parsing, inflates object streams and cross-reference streams in full; everything
 * else (pages, pictures) stays compressed. A 300-page report has a few thousand objects and object
 * streams of a few megabytes; pdf-lib takes seconds per 100,000 objects to parse and write back.
 */
export const PDF_LIMITS = {
  maxObjects: 40_000,
  /** Inflated bytes of one object or cross-reference stream. */
  maxStreamBytes: 16 * 1024 * 1024,
  /** Inflated bytes of all of them. */
  maxTotalStreamBytes: 64 * 1024 * 1024,
};

/** A name token holding `#xx` escapes (`/Obj#53tm` is `/ObjStm` to pdf-lib). */
const ESCAPED_NAME = /\/[^\0\t\n\f\r /[\]()<>{}%]*#[0-9A-Fa-f]{2}[^\0\t\n\f\r /[\]()<>{}%]*/g;
const OBJECT_HEADER = /(?<![0-9])[0-9]{1,10}[\0\t\n\f\r ]+[0-9]{1,5}[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g;
const WS = '(?:[\\0\\t\\n\\f\\r ]|%[^\\r\\n]*[\\r\\n])*';
/** A stream pdf-lib inflates while parsing: /Type /ObjStm or /XRef, or a /Type given by reference (resolved by pdf-lib). */
const PARSED_STREAM = new RegExp(`/Type${WS}(?:/(?:ObjStm|XRef)(?![A-Za-z0-9])|[0-9]+${WS}[0-9]+${WS}R)`, 'g');

/**
 * Counts what pdf-lib would build before it builds it, from the raw bytes (decoded as Latin-1,
 * with `#xx` escapes of names resolved, as pdf-lib resolves them), and throws `UnsafeFileError`
 * past a limit. Conservative: every byte sequence that looks like an object header counts, and
 * each object or cross-reference stream is inflated from its start to the end of the file with
 * zlib stopping at the limit — more than pdf-lib can ever inflate from the same start. A stream
 * this check cannot read the way pdf-lib would (a filter other than Flate, a string or a comment
 * in its dictionary, a count given by reference) is refused rather than guessed.
 */
export function checkPdfBounds(file: Buffer): void {
  const text = file.toString('latin1').replace(ESCAPED_NAME, (name) => {
    // Same length (padded with spaces after the name), so offsets in the text are offsets in the file.
    const decoded = name.replace(/#([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return decoded.padEnd(name.length, ' ');
  });
  let objects = 0;
  OBJECT_HEADER.lastIndex = 0;
  while (OBJECT_HEADER.exec(text)) if (++objects > PDF_LIMITS.maxObjects) throw new UnsafeFileError('pdf_too_many_objects', PDF_LIMITS.maxObjects);

  let inflatedTotal = 0;
  // Real streams do not overlap, so together they hold at most the file's bytes. Each candidate is
  // inflated up to the end of the file (see above): without this budget, thousands of candidates
  // sharing one long tail would each read it again.
  let inputBudget = 2 * file.length + (1 << 20);
  PARSED_STREAM.lastIndex = 0;
  let parsedStreams = 0;
  for (let match = PARSED_STREAM.exec(text); match; match = PARSED_STREAM.exec(text)) {
    if (++parsedStreams > PDF_LIMITS.maxObjects) throw new UnsafeFileError('pdf_too_many_objects', PDF_LIMITS.maxObjects);
    const keyword = findStreamKeyword(text, match.index + match[0].length);
    if (keyword < 0) continue; // not a stream: nothing to inflate
    const before = Math.max(0, match.index - DICTIONARY_WINDOW);
    const header = text.slice(before, match.index).lastIndexOf('obj');
    const dictionary = text.slice(header < 0 ? before : before + header, keyword);
    const count = /\/N(?![A-Za-z0-9])[\0\t\n\f\r ]*([0-9]+)(?![0-9]*[\0\t\n\f\r ]+[0-9]+[\0\t\n\f\r ]+R)/.exec(dictionary);
    if (/\/N(?![A-Za-z0-9])/.test(dictionary) && !count) throw new UnsafeFileError('pdf_unsupported_filter');
    if (count) {
      objects += Number(count[1]);
      if (objects > PDF_LIMITS.maxObjects) throw new UnsafeFileError('pdf_too_many_objects', PDF_LIMITS.maxObjects);
    }
    const filters = streamFilters(dictionary);
    if (filters.length === 0) continue; // stored as is: never larger than the file
    if (filters.length > 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) throw new UnsafeFileError('pdf_unsupported_filter');
    const rest = file.subarray(dataStart(text, keyword));
    const input = rest.subarray(0, inputBudget);
    const { size, consumed } = inflated(input, Math.min(PDF_LIMITS.maxStreamBytes, PDF_LIMITS.maxTotalStreamBytes - inflatedTotal));
    inflatedTotal += size;
    inputBudget -= consumed;
    // Out of input budget before the stream ended: streams that overlap like this are an attack, not a document.
    if (consumed >= input.length && input.length < rest.length) throw new UnsafeFileError('pdf_stream_too_large', PDF_LIMITS.maxStreamBytes);
  }
}

/** The names of `/Filter /A` or `/Filter [/A /B]`; null for anything else (a reference). */
function streamFilters(dictionary: string): string[] {
  const filter = /\/Filter(?![A-Za-z0-9])[\0\t\n\f\r ]*(\[[^\]]*\]|\/[A-Za-z0-9]+|[^\0\t\n\f\r ]*)/.exec(dictionary);
  if (!filter) return [];
  const names = [...filter[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((match) => match[1]);
  // A filter by reference or anything unreadable: one placeholder name, which no check accepts.
  return names.length ? names : ['?'];
}

/** How far after `/Type` the `stream` keyword may be: real object and cross-reference stream dictionaries take a few hundred bytes. */
const DICTIONARY_WINDOW = 8192;

/**
 * Where the `stream` keyword after a dictionary starts, skipping literal strings (which may hold
 * the word) and comments; -1 when `endobj` comes first. Only `DICTIONARY_WINDOW` characters are
 * read, so a file of many `/Type /XRef` costs linear time; a dictionary longer than that is refused.
 */
function findStreamKeyword(text: string, from: number): number {
  const end = Math.min(text.length, from + DICTIONARY_WINDOW);
  for (let at = from; at < end; at += 1) {
    const c = text[at];
    if (c === '(') {
      at = endOfString(text, at, end);
    } else if (c === '%') {
      while (at < end && text[at] !== '\r' && text[at] !== '\n') at += 1;
    } else if (c === 'e' && text.startsWith('endobj', at)) {
      return -1;
    } else if (c === 's' && text.startsWith('stream', at) && !/[A-Za-z]/.test(text[at - 1] ?? '')) {
      return at;
    }
  }
  if (end === text.length) return -1;
  throw new UnsafeFileError('pdf_unsupported_filter');
}

/** The index of the `)` closing the literal string opened at `open` (nested parentheses, backslash escapes). */
function endOfString(text: string, open: number, end: number): number {
  let depth = 0;
  for (let at = open; at < end; at += 1) {
    const c = text[at];
    if (c === '\\') at += 1;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return at;
  }
  return end;
}

/** After `stream` and its end of line (CRLF or LF; a lone CR is tolerated as pdf-lib does). */
function dataStart(text: string, keyword: number): number {
  let at = keyword + 'stream'.length;
  while (text[at] === ' ') at += 1;
  if (text[at] === '\r') at += 1;
  if (text[at] === '\n') at += 1;
  return at;
}

/** Bytes zlib inflates from `data` (up to the end of its zlib stream) and the input it read, stopping past `limit`. */
function inflated(data: Buffer, limit: number): { size: number; consumed: number } {
  try {
    // Z_SYNC_FLUSH: a stream cut short is not an error (pdf-lib reads it as far as it goes too).
    const { buffer, engine } = inflateSync(data, { maxOutputLength: Math.max(1, limit), finishFlush: constants.Z_SYNC_FLUSH, info: true }) as unknown as InflateInfo;
    return { size: buffer.length, consumed: engine.bytesWritten };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new UnsafeFileError('pdf_stream_too_large', PDF_LIMITS.maxStreamBytes);
    throw new UnsafeFileError('pdf_unsupported_filter');
  }
}

/** What `inflateSync` returns with `info: true` (typed as a Buffer by @types/node). */
interface InflateInfo {
  buffer: Buffer;
  engine: { bytesWritten: number };
}
