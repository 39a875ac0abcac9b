/**
 * Helpers for the essay e2e tests. Registering hundreds of members through HTTP is slow (argon2),
 * so people are inserted with SQL and their access tokens signed here, with the claims the API's
 * JWT strategy reads (`sub`, `unitId`, `roles`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@hoi-thi/contracts';
import { bearer } from './builders.js';
import { TEST_JWT_SECRET, type TestApp } from './test-app.js';

export interface Person {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  unitId: string | null;
  roles: Role[];
  accessToken: string;
}

export type NewPerson = Partial<Omit<Person, 'id' | 'accessToken'>> & { unitId: string | null };

export function signAccessToken(user: { id: string; unitId: string | null; roles: Role[] }): string {
  // A session id no session row has: tokens are trusted by their signature; the id only matters once revoked.
  return jwt.sign({ sub: user.id, unitId: user.unitId, roles: user.roles, sid: randomUUID(), ver: 0 }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 });
}

let serial = 0;

/** Inserts people in one statement (no usable password) and signs a token for each. */
export async function insertPeople(t: TestApp, people: NewPerson[]): Promise<Person[]> {
  const rows = people.map((p) => {
    serial += 1;
    const tag = `${randomBytes(3).toString('hex')}${serial}`;
    return {
      fullName: p.fullName ?? `Đoàn viên ${tag}`,
      email: p.email ?? `nguoi.${tag}@example.org`,
      phone: p.phone ?? `09${String(10_000_000 + serial * 7919).slice(-8)}`,
      unitId: p.unitId,
      roles: p.roles ?? (['member'] as Role[]),
    };
  });
  const inserted: { id: string }[] = await t.dataSource.query(
    `INSERT INTO users (full_name, email, password_hash, phone, unit_id, roles)
     SELECT full_name, email, 'not-a-hash', phone, unit_id, string_to_array(roles, ',')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[]) WITH ORDINALITY AS u(full_name, email, phone, unit_id, roles, n)
      ORDER BY n
     RETURNING id`,
    [rows.map((r) => r.fullName), rows.map((r) => r.email), rows.map((r) => r.phone), rows.map((r) => r.unitId), rows.map((r) => r.roles.join(','))],
  );
  return rows.map((row, index) => {
    const id = inserted[index].id;
    return { id, ...row, accessToken: signAccessToken({ id, unitId: row.unitId, roles: row.roles }) };
  });
}

/** A unit tree by name: `{ province: null, north: 'province', n1: 'north', … }` → name → id. */
export async function insertUnitTree(t: TestApp, parents: Record<string, string | null>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const pending = Object.entries(parents);
  while (pending.length) {
    const index = pending.findIndex(([, parent]) => parent === null || ids.has(parent));
    const [name, parent] = pending.splice(index, 1)[0];
    const [row] = await t.dataSource.query('INSERT INTO units (name, parent_id, member_count) VALUES ($1, $2, 100) RETURNING id', [
      `Công đoàn ${name}`,
      parent === null ? null : ids.get(parent),
    ]);
    ids.set(name, row.id);
  }
  return ids;
}

export const RUBRIC = [
  { name: 'Nội dung', maxPoints: 10, weight: 2 },
  { name: 'Hình thức', maxPoints: 5, weight: 1 },
  { name: 'Sáng tạo', maxPoints: 5, weight: 1.5 },
];
/** 10 × 2 + 5 × 1 + 5 × 1.5 */
export const RUBRIC_MAX = 32.5;

export interface EssayRoundOptions {
  now: Date;
  contestId?: string;
  round?: Record<string, unknown>;
  publish?: boolean;
}

/** An essay contest (published) with one open round, or one more round in an existing contest. */
export async function anEssayRound(t: TestApp, organizer: Person, options: EssayRoundOptions): Promise<{ contestId: string; roundId: string }> {
  let contestId = options.contestId;
  if (!contestId) {
    const contest = await t.http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Viết về người lao động', kind: 'essay' }).expect(201);
    contestId = contest.body.id as string;
  }
  const round = await t
    .http()
    .post(`/api/contests/${contestId}/rounds`)
    .set(...bearer(organizer))
    .send({
      title: 'Sơ khảo',
      opensAt: new Date(options.now.getTime() - 3600_000).toISOString(),
      closesAt: new Date(options.now.getTime() + 7 * 24 * 3600_000).toISOString(),
      rubric: RUBRIC,
      judgesPerEntry: 2,
      minWords: 5,
      maxWords: 300,
      ...options.round,
    })
    .expect(201);
  if (!options.contestId && options.publish !== false) await t.http().post(`/api/contests/${contestId}/publish`).set(...bearer(organizer)).expect(200);
  return { contestId, roundId: round.body.id as string };
}

/** An essay body of `words` words that names nobody. */
export function essayBody(words: number, seed = 0): string {
  const vocabulary = ['người', 'lao', 'động', 'công', 'đoàn', 'cơ', 'sở', 'việc', 'làm', 'an', 'toàn', 'đời', 'sống', 'tập', 'thể'];
  return Array.from({ length: words }, (_, i) => vocabulary[(i * 7 + seed) % vocabulary.length]).join(' ');
}

/** Points for every criterion of RUBRIC, in order. */
export function scoresOf(points: [number, number, number]) {
  return RUBRIC.map((criterion, index) => ({ criterion: criterion.name, points: points[index] }));
}

/** Σ points × weight, computed here independently of the engine. */
export function totalOf(points: [number, number, number]): number {
  return RUBRIC.reduce((sum, criterion, index) => sum + points[index] * criterion.weight, 0);
}

/** supertest parser that keeps a file download as a Buffer. */
export function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
