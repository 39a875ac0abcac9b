import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GenericErrors } from '../errors/generic.errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The encodings a client accepts (`Accept-Encoding`, `q=0` meaning "not this one"). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Sends a built file, as its brotli or gzip twin when the build wrote one (apps/web's precompress
 * plugin) and the client accepts it: a phone on a slow network gets a quarter of the bytes, and the
 * server compresses nothing per request.
 */
export function sendFile(reply: FastifyReply, file: string, cacheControl: string, acceptEncoding?: string): FastifyReply {
  const accepted = acceptedEncodings(acceptEncoding);
  const encoding = (['br', 'gzip'] as const).find((name) => accepted.has(name) && existsSync(`${file}.${name === 'br' ? 'br' : 'gz'}`));
  reply.type(TYPES[extname(file)] ?? 'application/octet-stream').header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (!encoding) return reply.send(createReadStream(file));
  return reply.header('content-encoding', encoding).send(createReadStream(`${file}.${encoding === 'br' ? 'br' : 'gz'}`));
}

/**
 * Serves the built client (apps/web/dist) at `/`: files as they are (Vite's hashed assets cached
 * for a year), and the app shell for any other path outside /api so client-side routes work.
 * Small on purpose; @fastify/static pulls an ESM-only dependency that Jest cannot load on Node 20.
 */
export function serveWebClient(fastify: FastifyInstance, root: string): boolean {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const rootPrefix = normalize(root + sep);

  const sendShell = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      throw GenericErrors.error('NOT_FOUND'); // malformed %-encoding names no file
    }
    // /api and /share (share pages, a route of the share module) are never the client's: a path there
    // that matched no route is a 404, not the app shell.
    if (/^\/(api|share)(\/|$)/.test(path)) throw GenericErrors.error('NOT_FOUND');
    const file = normalize(join(root, path));
    if (file.startsWith(rootPrefix) && file !== indexFile && existsSync(file) && statSync(file).isFile()) {
      const immutable = file.startsWith(join(root, 'assets') + sep);
      return sendFile(reply, file, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300', request.headers['accept-encoding']);
    }
    if (extname(path) && !path.endsWith('.html')) throw GenericErrors.error('NOT_FOUND');
    return sendShell(reply);
  };
  fastify.get('/', handler);
  fastify.get('/*', handler);
  return true;
}
