// Member tokens without a login each: one real login gives the header and the claims, and every
// other token is signed with the same secret and claims (sub and unitId replaced), as a login
// would issue it. argon2 is slow on purpose, so logging 200,000 members in is not the point.
import { createHmac } from 'node:crypto';
import { JWT_SECRET } from './env.mjs';

/** From a token the API issued: sign(member, extra) → a token for { id, unit_id }, extra claims merged (e.g. roles). */
export function tokenSigner(token) {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return (member, extra = {}) => {
    const body = Buffer.from(JSON.stringify({ ...claims, sub: member.id, unitId: member.unit_id, ...extra })).toString('base64url');
    return `${header}.${body}.${createHmac('sha256', JWT_SECRET).update(`${header}.${body}`).digest('base64url')}`;
  };
}
