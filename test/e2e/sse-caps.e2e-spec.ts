/**
 * Issue 16 item 4: leaderboard streams (SSE) are capped per client address and in all, per process
 * (STREAM_MAX_PER_ADDRESS, STREAM_MAX_TOTAL); over a cap: 429 or 503 with a stable code and
 * Retry-After. A client that leaves while its stream is being set up leaves nothing behind: no
 * subscriber, no place taken.
 */
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LeaderboardLive } from '../../apps/api/src/modules/leaderboards/leaderboard-live.service.js';
import { LeaderboardsService } from '../../apps/api/src/modules/leaderboards/leaderboards.service.js';
import { aQuizRound, aUnit } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

interface Opened {
  request: ClientRequest;
  response: IncomingMessage;
  body: () => string;
  ended: Promise<void>;
}

describe('leaderboard stream caps', () => {
  let t: TestApp;
  let port: number;
  let roundId: string;
  let live: LeaderboardLive;

  beforeAll(async () => {
    const clock = new FakeClock();
    // X-Forwarded-For names the client address (as behind nginx), so one test plays several offices.
    t = await startTestApp({ clock, env: { STREAM_MAX_PER_ADDRESS: '3', STREAM_MAX_TOTAL: '5', TRUST_PROXY: 'true' } });
    roundId = (await aQuizRound(t, (await aUnit(t)).id, { now: clock.now() })).roundId;
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    live = t.app.get(LeaderboardLive);
  });

  afterAll(async () => {
    await t?.close();
  });

  function open(address: string, path = `/api/rounds/${roundId}/leaderboard/stream`): Promise<Opened> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers: { 'X-Forwarded-For': address, 'Accept-Language': 'en' } });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        const ended = new Promise<void>((done) => response.on('end', done));
        resolve({ request, response, body: () => body, ended });
      });
      request.on('error', reject);
      request.end();
    });
  }

  /** Waits (bounded) until the server has noticed every closed connection. */
  async function settled(): Promise<{ admitted: number; streams: number }> {
    const until = Date.now() + 5000;
    while ((live.admitted().total > 0 || live.streamCount() > 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    return { admitted: live.admitted().total, streams: live.streamCount() };
  }

  async function errorBody(opened: Opened): Promise<{ code: string; message: string }> {
    await opened.ended;
    return JSON.parse(opened.body()) as { code: string; message: string };
  }

  it('refuses a stream over the per-address cap with 429, and over the total with 503, both with Retry-After', async () => {
    const office = await Promise.all([open('10.0.0.1'), open('10.0.0.1'), open('10.0.0.1')]);
    expect(office.map((opened) => opened.response.statusCode)).toEqual([200, 200, 200]);
    expect(office[0]!.response.headers['x-content-type-options']).toBe('nosniff');

    const fourth = await open('10.0.0.1');
    expect(fourth.response.statusCode).toBe(429);
    expect(fourth.response.headers['retry-after']).toBe('10');
    expect(await errorBody(fourth)).toMatchObject({ code: 'STREAM.TOO_MANY_FROM_ADDRESS', message: expect.stringContaining('10 seconds') });

    // Another office fills the process up; a third one is told the server is full.
    const school = await Promise.all([open('10.0.0.2'), open('10.0.0.2')]);
    expect(school.map((opened) => opened.response.statusCode)).toEqual([200, 200]);
    const full = await open('10.0.0.3');
    expect(full.response.statusCode).toBe(503);
    expect(full.response.headers['retry-after']).toBe('10');
    expect((await errorBody(full)).code).toBe('STREAM.TOO_MANY');
    expect(live.admitted()).toEqual({ total: 5, addresses: 2 });

    // A closed stream gives its place back.
    office[0]!.request.destroy();
    const until = Date.now() + 5000;
    while (live.admitted().total > 4 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const newcomer = await open('10.0.0.3');
    expect(newcomer.response.statusCode).toBe(200);

    for (const opened of [...office, ...school, newcomer]) opened.request.destroy();
    expect(await settled()).toEqual({ admitted: 0, streams: 0 });
  });

  it('a refused or failed setup holds no place: 404 for an unknown round', async () => {
    const before = live.admitted().total;
    const missing = await open('10.0.0.9', '/api/rounds/00000000-0000-4000-8000-000000000000/leaderboard/stream');
    expect(missing.response.statusCode).toBe(404);
    await errorBody(missing);
    expect(live.admitted().total).toBe(before);
  });

  it('leaves no subscriber and no place behind when clients leave during setup, however many', async () => {
    // Make every setup slow, so each client below is gone before its setup ends (the race a leak needs).
    const boards = t.app.get(LeaderboardsService);
    const roundBoard = boards.roundBoard.bind(boards);
    let setups = 0;
    boards.roundBoard = async (...args: Parameters<LeaderboardsService['roundBoard']>) => {
      setups += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return roundBoard(...args);
    };
    try {
      const requests = Array.from({ length: 40 }, (_, i) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: `/api/rounds/${roundId}/leaderboard/stream`, headers: { 'X-Forwarded-For': `10.1.0.${i % 2}` } });
        request.on('error', () => undefined);
        request.end();
        return request;
      });
      const until = Date.now() + 5000;
      while (setups < 5 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(setups).toBe(5); // the caps admitted five; the others were refused at once
      requests.forEach((request) => request.destroy());
      expect(await settled()).toEqual({ admitted: 0, streams: 0 });
    } finally {
      boards.roundBoard = roundBoard;
    }
  });
});
