import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { aContest, anAttempt, aRound, attemptId, member, roundId } from '../test/builders';
import { json, mockFetch } from '../test/fetch-mock';
import { renderApp } from '../test/render-app';
import bootSource from '../../public/session-boot.js?raw';

/** public/session-boot.js as index.html runs it: before the app's scripts, at the page's address. */

function boot(path: string) {
  window.history.replaceState(null, '', path);
  window.localStorage.setItem('hoi-thi.signedIn', '1');
  new Function(bootSource)();
}

/** A member's routes; each answers only the token the cookie's refresh gave. */
function memberRoutes(extra: Parameters<typeof mockFetch>[0]) {
  const authorized = (answer: () => Response) => (request: { headers: Headers }) =>
    request.headers.get('Authorization') === 'Bearer boot-access' ? answer() : json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401);
  return mockFetch({
    'POST /api/auth/refresh': () => json({ accessToken: 'boot-access', expiresIn: 900 }),
    'GET /api/auth/me': authorized(() => json(member)),
    ...Object.fromEntries(Object.entries(extra).map(([route, answer]) => [route, authorized(answer as () => Response)])),
  });
}

describe('session-boot.js: a reload asks for the session and the first reads while the scripts download', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it("asks the home page's reads as the app builds them, so the app sends none of them again", async () => {
    const { requests } = memberRoutes({ 'GET /api/contests': () => json({ items: [aContest()], total: 1 }) });
    boot('/');
    const early = await window.hoiThiEarlyReads!;
    expect(Object.keys(early).sort()).toEqual(['/api/auth/me', '/api/contests?limit=20&offset=0']);
    const sentByBoot = requests.length;

    renderApp('/');
    expect(await screen.findByRole('heading', { name: aContest().title })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Đăng xuất' })).toBeInTheDocument();
    expect(requests.slice(sentByBoot).map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual([]);
    expect(requests.map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual(['POST /api/auth/refresh', 'GET /api/auth/me', 'GET /api/contests']);
  });

  it("asks the quiz page's attempt, so the app takes it from there", async () => {
    const { requests } = memberRoutes({
      [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
      [`GET /api/rounds/${roundId}`]: () => json(aRound()),
    });
    boot(`/attempts/${attemptId}`);
    expect(Object.keys(await window.hoiThiEarlyReads!).sort()).toEqual(['/api/attempts/' + attemptId, '/api/auth/me']);
    const sentByBoot = requests.length;

    renderApp(`/attempts/${attemptId}`);
    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ })).toBeInTheDocument();
    const byApp = requests.slice(sentByBoot).map((sent) => `${sent.method} ${sent.url.pathname}`);
    expect(byApp).not.toContain(`GET /api/attempts/${attemptId}`);
    expect(byApp).not.toContain('GET /api/auth/me');
    expect(byApp).not.toContain('POST /api/auth/refresh');
  });

  it('does nothing for a visitor who never signed in', () => {
    const { requests } = mockFetch({});
    window.history.replaceState(null, '', '/');
    new Function(bootSource)();
    expect(window.hoiThiEarlyRefresh).toBeUndefined();
    expect(window.hoiThiEarlyReads).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
