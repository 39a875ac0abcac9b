import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SecurityHeaderOptions {
  /** Origins that may frame the display page; none by default. */
  displayFrameAncestors: string[];
  hsts: 'auto' | 'always' | 'off';
}

type Headers = Record<string, string>;

/**
 * The client's policy: scripts, styles, fonts and images from this origin only (the build injects no
 * inline script or style; React's `style` props go through the CSSOM, which CSP does not block), API
 * calls and the SSE stream to this origin, no plugins, no <base> or form target elsewhere.
 */
const CLIENT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

/** JSON, files and errors from /api: nothing in them may run, load or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HSTS_VALUE = 'max-age=31536000';

/** The header sets, computed once; a response only picks one by its path. */
export function securityHeaderSets(options: SecurityHeaderOptions) {
  const common: Headers = {
    'x-content-type-options': 'nosniff',
    // Another site learns at most our origin from a link (never a round, attempt or share path).
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  const display = options.displayFrameAncestors.length ? options.displayFrameAncestors.join(' ') : "'none'";
  return {
    api: { ...common, 'content-security-policy': API_POLICY, 'x-frame-options': 'DENY' },
    client: { ...common, 'content-security-policy': `${CLIENT_POLICY}; frame-ancestors 'none'`, 'x-frame-options': 'DENY' },
    // X-Frame-Options cannot name several origins; browsers that know frame-ancestors ignore it anyway.
    display: {
      ...common,
      'content-security-policy': `${CLIENT_POLICY}; frame-ancestors ${display}`,
      ...(options.displayFrameAncestors.length ? {} : { 'x-frame-options': 'DENY' }),
    },
  } satisfies Record<string, Headers>;
}

/**
 * Sets the security headers on a response: those of the API under /api (and Swagger UI, whose page
 * has no inline script either), the display page's (framable only by DISPLAY_FRAME_ANCESTORS) under
 * /display/, the client's elsewhere. HSTS only where the request came over TLS (Fastify's
 * `protocol` honours X-Forwarded-Proto when TRUST_PROXY is on), or always when HSTS=always: a
 * plain-http install on a LAN must not be told to use https.
 */
export function securityHeadersHook(options: SecurityHeaderOptions): (request: FastifyRequest, reply: FastifyReply) => void {
  const sets = securityHeaderSets(options);
  return (request, reply) => {
    const url = request.url;
    const set = url.startsWith('/api') ? sets.api : url.startsWith('/display/') ? sets.display : sets.client;
    // A page that made its own policy (the share page allows its inline script by hash) keeps it.
    const own = reply.getHeader('content-security-policy');
    void reply.headers(set);
    if (own !== undefined) void reply.header('content-security-policy', own);
    if (options.hsts === 'always' || (options.hsts === 'auto' && request.protocol === 'https')) void reply.header('strict-transport-security', HSTS_VALUE);
  };
}
