/**
 * How long ago the edge proxy received a request, from its `X-Request-Start: t=<seconds>.<ms>`
 * (nginx's `$msec`, set in docker/nginx/server.conf). Believe it only behind that proxy
 * (TRUST_PROXY): a client can send the header too. 0 when absent, malformed or in the future.
 */
export function queuedSince(header: string | string[] | undefined, nowMs: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^t=(\d{9,11})(?:\.(\d{1,6}))?$/.exec(value.trim()) : null;
  if (!match) return 0;
  const receivedMs = Number(match[1]) * 1000 + Number(`0.${match[2] ?? '0'}`) * 1000;
  return Math.max(0, nowMs - receivedMs);
}
