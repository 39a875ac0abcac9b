import { randomBytes } from 'node:crypto';
import type { AttemptResponse, AuthResponse, ContestResponse, Page, SubmitResponse, UnitResponse } from '@hoi-thi/contracts';
import { baseUrl } from './browser.js';

export const DEMO_CONTEST = 'Tìm hiểu pháp luật về bầu cử';
export const DEMO_ROUND = 'Tuần 1';
export const DEMO_UNIT = 'CĐCS Báo Thanh Niên';

/** The API through fetch: fast setup for what the browser does not need to do itself. */
export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${String(response.status)} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const uniqueEmail = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.vn`;

export async function demoRoundId(): Promise<string> {
  const contests = await api<Page<ContestResponse>>('GET', '/contests?limit=50');
  const round = contests.items.find((contest) => contest.title === DEMO_CONTEST)?.rounds.find((r) => r.title === DEMO_ROUND);
  if (!round) throw new Error(`the demo round "${DEMO_ROUND}" of "${DEMO_CONTEST}" is missing`);
  return round.id;
}

export async function registerMember(fullName: string): Promise<AuthResponse> {
  const units = await api<UnitResponse[]>('GET', '/units');
  const unit = units.find((u) => u.name === DEMO_UNIT);
  if (!unit) throw new Error(`the demo unit "${DEMO_UNIT}" is missing`);
  return api<AuthResponse>('POST', '/auth/register', { fullName, email: uniqueEmail('member'), password: 'mat-khau-du-thi', unitId: unit.id });
}

/** Starts an attempt, answers the first `answered` questions with their first option, submits. */
export async function takeQuiz(token: string, roundId: string, answered: number, prediction: number): Promise<SubmitResponse> {
  const attempt = await api<AttemptResponse>('POST', `/rounds/${roundId}/attempts`, undefined, token);
  for (const question of attempt.questions.slice(0, answered)) {
    await api('PUT', `/attempts/${attempt.id}/answers/${question.id}`, { optionIds: [question.options[0]!.id] }, token);
  }
  return api<SubmitResponse>('POST', `/attempts/${attempt.id}/submit`, { prediction }, token);
}

/** The suite's boot admin (global-setup sets ADMIN_EMAIL/ADMIN_PASSWORD on the server). */
export async function signInAdmin(): Promise<AuthResponse> {
  const email = process.env.HOITHI_BROWSER_ADMIN_EMAIL;
  const password = process.env.HOITHI_BROWSER_ADMIN_PASSWORD;
  if (!email || !password) throw new Error('HOITHI_BROWSER_ADMIN_EMAIL/PASSWORD are not set: run through `npm run test:browser`');
  return api<AuthResponse>('POST', '/auth/login', { email, password });
}

/** A new account in the named demo unit. */
export async function registerIn(unitName: string, fullName: string): Promise<AuthResponse> {
  const units = await api<UnitResponse[]>('GET', '/units');
  const unit = units.find((u) => u.name === unitName);
  if (!unit) throw new Error(`the demo unit "${unitName}" is missing`);
  return api<AuthResponse>('POST', '/auth/register', { fullName, email: uniqueEmail('user'), password: 'mat-khau-du-thi', unitId: unit.id });
}
