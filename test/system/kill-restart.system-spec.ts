/**
 * Durability of the embedded default (`npm start`: no DATABASE_URL, PGlite in DATA_DIR) under
 * kill -9. The BUILT server runs as a real process on a fresh DATA_DIR with the demo data; members
 * register, each starts an attempt in the demo round, and all of them save answers concurrently and
 * continuously (one sender per answer, so many PUTs in flight), changing their choices. While saves
 * are in flight the node process itself gets SIGKILL. The server is started again on the same
 * DATA_DIR: it must take over the stale `pglite.pid` lock, come up healthy, and hold every
 * acknowledged save (see durability.ts for what "held" means for the writes that were in flight),
 * the members, their attempts and the demo data loaded once; then the members carry on and submit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { AttemptResponse, AttemptSummary, AuthResponse, ContestResponse, Page, PaperQuestion, SaveAnswerResponse, SubmitResponse, UnitResponse } from '@hoi-thi/contracts';
import { type BuiltApp, startBuiltApp, stopBuiltApp } from '../browser/support/built-app.js';
import { durabilityProblem, type SentWrite } from './durability.js';

const MEMBERS = 8;
/** Kill once this many saves were acknowledged (each of the 160 answers written a few times)... */
const ACKS_BEFORE_KILL = 800;
/** ...plus a random extra, so runs kill in different phases of the server's batches. */
const EXTRA_MS_BEFORE_KILL = 400;
const DEMO_CONTEST = 'Tìm hiểu pháp luật về bầu cử';
const DEMO_UNIT = 'CĐCS Báo Thanh Niên';
const DEMO_BANNER = 'Hội Thi demo accounts (shown once';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(response.status, `${method} ${path} → ${String(response.status)} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The n-th choice (n ≥ 1) for a question: consecutive choices differ; two options on a multiple-choice question every other time. */
function choice(question: PaperQuestion, n: number): string[] {
  const ids = question.options.map((option) => option.id);
  const first = ids[n % ids.length]!;
  return question.type === 'multiple' && n % 2 === 0 ? [first, ids[(n + 1) % ids.length]!] : [first];
}

interface Member {
  email: string;
  token: string;
  attempt: AttemptResponse;
  /** questionId → the writes sent for that answer, in order. */
  writes: Map<string, SentWrite[]>;
}

/** Error-level lines (pino level ≥ 50) in a server's output, and the lines that are not JSON logs. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (!line.trim()) return false;
    try {
      return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
    } catch {
      return false;
    }
  });
}

describe('kill -9 while members save, then start again (embedded database)', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoithi-system-'));
  const dataDir = join(root, 'data');
  const servers: BuiltApp[] = [];
  let passed = false;
  afterAll(async () => {
    for (const server of servers) await stopBuiltApp(server);
    if (passed) rmSync(root, { recursive: true, force: true });
    else console.warn(`[system tests] kept ${root} (DATA_DIR and server logs) for a look`);
  });

  // Exactly as `npm start` runs the built app: no DATABASE_URL, demo data (the default, said aloud).
  const start = async (name: string) => {
    const server = await startBuiltApp({ env: { DATA_DIR: dataDir, DEMO_DATA: 'true' }, logFile: join(root, `${name}.log`) });
    servers.push(server);
    return server;
  };
  const lockPid = () => Number(readFileSync(join(dataDir, 'pglite.pid'), 'utf8'));

  it('keeps every acknowledged save, the members, their attempts and the demo data; the members carry on', async () => {
    const began = Date.now();
    // 1. A fresh DATA_DIR: the embedded database is created, migrated and the demo loaded.
    const first = await start('first');
    const booted = Date.now();
    const api = <T>(method: string, path: string, body?: unknown, token?: string) => call<T>(first.baseUrl, method, path, body, token);
    expect((await api<{ database: { mode: string } }>('GET', '/health')).database.mode).toBe('embedded');
    expect(lockPid()).toBe(first.pid);
    expect(first.output()).toContain(DEMO_BANNER);
    const unitsBefore = await api<UnitResponse[]>('GET', '/units');
    const contestsBefore = await api<Page<ContestResponse>>('GET', '/contests?limit=50');
    const round = contestsBefore.items.find((contest) => contest.title === DEMO_CONTEST)?.rounds[0];
    if (!round) throw new Error(`the demo contest "${DEMO_CONTEST}" is missing`);
    const unitId = unitsBefore.find((unit) => unit.name === DEMO_UNIT)!.id;

    // 2. Members register and each starts an attempt in the demo round.
    const members: Member[] = await Promise.all(
      Array.from({ length: MEMBERS }, async (_, index) => {
        const email = `thanh.vien.${String(index + 1)}.${String(began)}@example.vn`;
        const { accessToken } = await api<AuthResponse>('POST', '/auth/register', { fullName: `Thành viên ${String(index + 1)}`, email, password: 'mat-khau-du-thi', unitId });
        const attempt = await api<AttemptResponse>('POST', `/rounds/${round.id}/attempts`, undefined, accessToken);
        expect(attempt.questions).toHaveLength(20);
        return { email, token: accessToken, attempt, writes: new Map(attempt.questions.map((question) => [question.id, [] as SentWrite[]])) };
      }),
    );

    // 3. Every member saves every answer again and again, all at once: one sender per answer, each
    //    sending its next write when the last one is acknowledged. Any failure before the kill is a bug.
    let killed = false;
    let acks = 0;
    let inFlight = 0;
    const failuresBeforeKill: string[] = [];
    const sender = async (member: Member, question: PaperQuestion) => {
      const writes = member.writes.get(question.id)!;
      while (!killed) {
        const write: SentWrite = { optionIds: choice(question, writes.length + 1), ackRevision: null };
        writes.push(write);
        inFlight += 1;
        try {
          const saved = await api<SaveAnswerResponse>('PUT', `/attempts/${member.attempt.id}/answers/${question.id}`, { optionIds: write.optionIds }, member.token);
          write.ackRevision = saved.revision;
          acks += 1;
        } catch (error) {
          // After the kill a request dies with its connection: sent, never acknowledged.
          if (!killed) failuresBeforeKill.push(error instanceof Error ? error.message : String(error));
          return;
        } finally {
          inFlight -= 1;
        }
      }
    };
    const savesStarted = Date.now();
    const senders = members.flatMap((member) => member.attempt.questions.map((question) => sender(member, question)));

    // 4. kill -9 the node process itself while saves are in flight.
    while (acks < ACKS_BEFORE_KILL && failuresBeforeKill.length === 0 && Date.now() - savesStarted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * EXTRA_MS_BEFORE_KILL)));
    expect(failuresBeforeKill).toEqual([]);
    const inFlightAtKill = inFlight;
    expect(inFlightAtKill).toBeGreaterThan(0);
    killed = true;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await Promise.all(senders);
    const savingMs = Date.now() - savesStarted;
    const sent = members.flatMap((member) => [...member.writes.values()]);
    const unacknowledged = sent.filter((writes) => writes.at(-1)?.ackRevision === null).length;
    expect(acks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    // 5. Start again on the same DATA_DIR: the dead process's lock is taken over.
    expect(lockPid()).toBe(first.pid);
    const restartBegan = Date.now();
    const second = await start('second');
    const restartMs = Date.now() - restartBegan;
    const again = <T>(method: string, path: string, body?: unknown, token?: string) => call<T>(second.baseUrl, method, path, body, token);
    expect(await again<{ status: string; database: { mode: string } }>('GET', '/health')).toMatchObject({ status: 'ok', database: { mode: 'embedded' } });
    expect(lockPid()).toBe(second.pid);

    // 6. The demo data is there once, not loaded again.
    expect(second.output()).not.toContain(DEMO_BANNER);
    const unitsAfter = await again<UnitResponse[]>('GET', '/units');
    expect(unitsAfter.map((unit) => unit.id).sort()).toEqual(unitsBefore.map((unit) => unit.id).sort());
    expect(new Set(unitsAfter.map((unit) => unit.name)).size).toBe(unitsAfter.length);
    const contestsAfter = await again<Page<ContestResponse>>('GET', '/contests?limit=50');
    expect(contestsAfter.items.map((contest) => contest.id)).toEqual(contestsBefore.items.map((contest) => contest.id));

    // 7. The members and their attempts are there; every answer holds what the acknowledged writes allow.
    const problems: string[] = [];
    let landedInFlight = 0;
    await Promise.all(
      members.map(async (member) => {
        await again<AuthResponse>('POST', '/auth/login', { email: member.email, password: 'mat-khau-du-thi' });
        const mine = await again<{ items: AttemptSummary[] }>('GET', `/rounds/${round.id}/attempts/mine`, undefined, member.token);
        expect(mine.items.map((attempt) => [attempt.id, attempt.status])).toEqual([[member.attempt.id, 'active']]);
        const { answers } = await again<AttemptResponse>('GET', `/attempts/${member.attempt.id}`, undefined, member.token);
        // The stored revision: the next write of an answer gets it + 1. These writes also show the
        // member can carry on.
        await Promise.all(
          member.attempt.questions.map(async (question) => {
            const writes = member.writes.get(question.id)!;
            const next = choice(question, writes.length + 1);
            const saved = await again<SaveAnswerResponse>('PUT', `/attempts/${member.attempt.id}/answers/${question.id}`, { optionIds: next }, member.token);
            const stored = { revision: saved.revision - 1, optionIds: answers[question.id]?.optionIds ?? null };
            const problem = durabilityProblem(writes, stored);
            if (problem) problems.push(`attempt ${member.attempt.id}, question ${question.id}: ${problem}`);
            if (writes.at(-1)?.ackRevision === null && stored.revision === writes.length) landedInFlight += 1;
          }),
        );
        const carriedOn = await again<AttemptResponse>('GET', `/attempts/${member.attempt.id}`, undefined, member.token);
        for (const question of member.attempt.questions) {
          expect([...carriedOn.answers[question.id]!.optionIds].sort()).toEqual(choice(question, member.writes.get(question.id)!.length + 1).sort());
        }
        const submitted = await again<SubmitResponse>('POST', `/attempts/${member.attempt.id}/submit`, { prediction: 100 }, member.token);
        expect(submitted).toMatchObject({ id: member.attempt.id, status: 'submitted', prediction: 100 });
      }),
    );
    expect({ answersWithAProblem: problems.length, first: problems.slice(0, 10) }).toEqual({ answersWithAProblem: 0, first: [] });

    // 8. A clean stop releases the lock.
    const serverErrors = errorLines(second.output());
    expect(await stopBuiltApp(second)).toBe(0);
    expect(existsSync(join(dataDir, 'pglite.pid'))).toBe(false);
    process.stdout.write(
      `\n[system tests] first boot ${String(booted - began)} ms; ${String(MEMBERS)} members saved ${String(sent.length)} answers for ${String(savingMs)} ms: ` +
        `${String(acks)} saves acknowledged, ${String(inFlightAtKill)} in flight at the kill (${String(unacknowledged)} answers with an unacknowledged last write, ` +
        `${String(landedInFlight)} of them stored anyway); restart ${String(restartMs)} ms; error lines in the restarted server's log: ${String(serverErrors.length)}\n`,
    );
    expect(serverErrors).toEqual([]);
    passed = true;
  }, 180_000);
});
