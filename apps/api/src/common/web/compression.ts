import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncodings } from './web-client.js';

/**
 * JSON and text (the client's index.html, CSV and GIFT exports). Never an event stream (the live
 * board hijacks its reply anyway); xlsx, PDF, zip and images are compressed already.
 */
export const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|[+/]json(?:;|$)/;
export const COMPRESSION_THRESHOLD = 1024;

/** Measured on a quiz start (11.6 KB of JSON): 4.6 KB for about 0.14 ms of CPU (quality 11: 4.0 KB for 12 ms). */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
/** Up to this size a body is compressed at once (under half a millisecond); a larger one off the event loop. */
const SYNC_LIMIT = 32 * 1024;

function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (!/\baccept-encoding\b/i.test(current)) void reply.header('vary', current ? `${current}, accept-encoding` : 'accept-encoding');
}

/**
 * An onSend hook: a JSON or text body of 1 KB or more goes out as brotli, else gzip, when the client
 * accepts it (`npm start` has no nginx in front to do it). Only bodies held in memory: a stream is a
 * file of the built client, whose text files of 1 KB or more have precompressed twins (web-client.ts),
 * or a download that is compressed already. Written here rather than with @fastify/compress, which
 * compresses every stream of a text type whatever its size and cannot be told otherwise (it falls
 * back to mime-db's list). A reply that already has a Content-Encoding is left as it is.
 */
export function compressResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void): void {
  if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('content-encoding')) return done(null, payload);
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !COMPRESSIBLE_TYPES.test(type) || Buffer.byteLength(payload) < COMPRESSION_THRESHOLD) return done(null, payload);
  // Compressed or not, this reply differs with the Accept-Encoding asked: caches must know.
  varyOnEncoding(reply);
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
  if (!encoding) return done(null, payload);

  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  void reply.header('content-encoding', encoding);
  if (body.length <= SYNC_LIMIT) return done(null, encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body));
  const finish = (error: Error | null, compressed: Buffer) => {
    if (!error) return done(null, compressed);
    reply.removeHeader('content-encoding');
    done(null, body);
  };
  if (encoding === 'br') brotliCompress(body, BROTLI, finish);
  else gzip(body, finish);
}
