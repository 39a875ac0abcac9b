/** Builders for test data through the public API (what a real client would do). */
import { randomBytes } from 'node:crypto';
import type { AuthResponse, UnitResponse } from '@hoi-thi/contracts';
import type { TestApp } from './test-app.js';
import { DataSource } from 'typeorm';


export function uniqueEmail(prefix = 'member'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.org`;
}

/** Inserts a unit straight into the table (no organizer exists yet in a fresh database). */
export async function aUnit(t: TestApp, name = 'CĐCS Báo Thanh Niên', parentId: string | null = null, memberCount = 100): Promise<UnitResponse> {
  const [row] = await t.app
    .get(DataSource)
    .query('INSERT INTO units (name, parent_id, member_count) VALUES ($1, $2, $3) RETURNING id', [name, parentId, memberCount]);
  return { id: row.id, name, parentId, memberCount };
}

export async function aMember(
  t: TestApp,
  unitId: string,
  overrides: Partial<{ fullName: string; email: string; password: string; phone: string }> = {},
): Promise<AuthResponse & { password: string }> {
  const password = overrides.password ?? 'mat-khau-an-toan';
  const response = await t
    .http()
    .post('/api/auth/register')
    .send({ fullName: overrides.fullName ?? 'Nguyễn Văn An', email: overrides.email ?? uniqueEmail(), password, unitId, ...(overrides.phone ? { phone: overrides.phone } : {}) })
    .expect(201);
  return { ...(response.body as AuthResponse), password };
}

/** A user with extra roles: registered as a member, then promoted in the database, then logged in again. */
export async function aUserWithRoles(t: TestApp, unitId: string, roles: string[]): Promise<AuthResponse> {
  const member = await aMember(t, unitId, { fullName: `Cán bộ ${roles.join(' ')}` });
  await t.dataSource.query('UPDATE users SET roles = $1 WHERE id = $2', [roles, member.user.id]);
  const login = await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
  return login.body as AuthResponse;
}

export function bearer(auth: { accessToken: string }): [string, string] {
  return ['Authorization', `Bearer ${auth.accessToken}`];
}

export async function aTopic(t: TestApp, organizer: AuthResponse, name = 'Luật Bầu cử 2015', parentId?: string): Promise<{ id: string; name: string }> {
  const response = await t
    .http()
    .post('/api/topics')
    .set(...bearer(organizer))
    .send({ name, ...(parentId ? { parentId } : {}) })
    .expect(201);
  return response.body;
}

export function aSingleChoice(topicId: string, text = 'Tuổi tối thiểu để được bầu cử là bao nhiêu?') {
  return {
    topicId,
    type: 'single',
    text,
    options: [
      { text: '16 tuổi', correct: false },
      { text: 'Đủ 18 tuổi', correct: true },
      { text: '21 tuổi', correct: false },
    ],
    difficulty: 'easy',
    explanation: 'Hiến pháp 2013, Điều 27: công dân đủ mười tám tuổi trở lên có quyền bầu cử.',
  };
}
