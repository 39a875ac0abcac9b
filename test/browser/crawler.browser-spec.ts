/**
 * The crawler: every route of the client (apps/web/src/app/router.tsx), as each role would open it
 * (a visitor, a member, a judge, an organizer, the admin), at 360 × 740 and at 1280 × 800. A page
 * fails on a console error or uncaught exception, on a sideways scroll, on text that is an i18n key
 * (a missing translation shows its key), or on an axe-core violation of impact serious or critical.
 * Every problem is collected and reported at once. The :id params are real ids made through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AttemptResponse, AuthResponse, ContestResponse, Page as ApiPage, QuestionResponse, RoundResponse } from '@hoi-thi/contracts';
import type { Browser, Page } from 'playwright-core';
import { api, DEMO_CONTEST, registerIn, registerMember, signInAdmin, takeQuiz } from './support/api.js';
import { DESKTOP, horizontalOverflow, launchBrowser, openPage, PHONE, signInContext, skipReason, type WatchedPage } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

const ROOT = join(import.meta.dirname, '..', '..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const JUDGE_UNIT = 'CĐCS Bệnh viện Đa khoa Đống Đa';
const PASSWORD = 'mat-khau-du-thi';

/** The client's translation namespaces: a visible `namespace.some.key` is a key shown untranslated. */
const NAMESPACES = Object.keys(JSON.parse(readFileSync(join(ROOT, 'apps/web/src/locales/vi.json'), 'utf8')) as Record<string, unknown>);
const KEY_PATTERN = new RegExp(`(?<![\\w@.-])(?:${NAMESPACES.join('|')})(?:\\.[a-zA-Z][\\w-]*)+(?![\\w@-])`, 'g');

/** Every `path:` of the router, joined with its parents' (the router file is the list to cover). */
function routerPaths(): string[] {
  const source = readFileSync(join(ROOT, 'apps/web/src/app/router.tsx'), 'utf8');
  const paths: string[] = [];
  // Routes with children, and the brace depth inside their object.
  const parents: { path: string; depth: number }[] = [];
  let depth = 0;
  for (const line of source.split('\n')) {
    while (parents.length && depth < parents[parents.length - 1]!.depth) parents.pop();
    const prefix = parents.map((p) => p.path).join('/');
    const match = /path: '([^']*)'/.exec(line);
    if (match) {
      const path = match[1]!.startsWith('/') ? match[1]! : `${prefix}/${match[1]!}`.replace(/\/+/g, '/');
      paths.push(path);
      if (!line.includes('}')) parents.push({ path, depth: line.trimStart().startsWith('{') ? depth + 1 : depth });
    }
    if (/\bindex: true\b/.test(line)) paths.push(`${prefix}/`.replace(/\/+/g, '/'));
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return [...new Set(paths.map((p) => (p.length > 1 ? p.replace(/\/$/, '') : p)))];
}

interface Visit {
  /** The router's pattern this visit covers. */
  route: string;
  url: string;
}

const signedIn = async (email: string) => api<AuthResponse>('POST', '/auth/login', { email, password: PASSWORD });

async function withRoles(who: AuthResponse, roles: string[], admin: AuthResponse): Promise<AuthResponse> {
  await api('PUT', `/users/${who.user.id}/roles`, { roles }, admin.accessToken);
  // A role change bumps the token version: sign in again for a token that carries the new roles.
  return signedIn(who.user.email);
}

/**
 * What a page shows once it has settled: a heading, and no "loading…" status left (bounded waits).
 * Locators, not waitForFunction: a string predicate is polled with eval, which the app's CSP refuses.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page
    .getByRole('status')
    .filter({ hasText: /^\s*(Đang tải|Loading)/ })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function check(watched: WatchedPage, label: string, problems: string[]): Promise<void> {
  const { page } = watched;
  const { scrollWidth } = await horizontalOverflow(page);
  const width = page.viewportSize()!.width;
  if (scrollWidth > width) {
    // Name the culprits: the innermost elements that reach past the right edge.
    const culprits = (await page.evaluate(
      `[...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > ${String(width)} + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > ${String(width)} + 1)).slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))`,
    )) as string[];
    problems.push(`${label}: scrolls sideways (scrollWidth ${String(scrollWidth)} > ${String(width)}; ${culprits.join(', ')})`);
  }
  const text = (await page.evaluate('document.body.innerText')) as string;
  const keys = [...new Set(text.match(KEY_PATTERN) ?? [])];
  if (keys.length) problems.push(`${label}: untranslated keys ${keys.join(', ')}`);
  // Evaluated, not added as a <script>: the app's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  const violations = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as AxeViolation[];
  for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    problems.push(`${label}: axe ${violation.impact ?? ''} ${violation.id} (${violation.help}) at ${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  }
}

suite('the crawler: every route, every role, phone and desktop', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  let visits: { who: string; auth: AuthResponse | null; password?: string; pages: Visit[] }[] = [];
  beforeAll(async () => {
    // --- the people and the data behind the :id params, through the API ---
    const admin = await signInAdmin();
    const organizer = await withRoles(await registerMember('Bùi Văn Tổ Chức'), ['organizer'], admin);
    const judge = await withRoles(await registerIn(JUDGE_UNIT, 'Đinh Thị Giám Khảo'), ['judge'], admin);
    const member = await registerMember('Cao Văn Thành Viên');

    const contests = await api<ApiPage<ContestResponse>>('GET', '/contests?limit=50');
    const demo = contests.items.find((c) => c.title === DEMO_CONTEST)!;
    const quizRound = demo.rounds.find((r) => r.phase === 'open')!;
    await api('PUT', `/contests/${demo.id}/managers`, { userIds: [...new Set([...demo.managerIds, organizer.user.id])] }, admin.accessToken);

    // The member's finished attempt (its result page) and one in progress (the quiz page).
    const finished = await takeQuiz(member.accessToken, quizRound.id, 5, 120);
    const active = await api<AttemptResponse>('POST', `/rounds/${quizRound.id}/attempts`, undefined, member.accessToken);

    // An essay contest by the organizer, with a prompt: its round closes in seconds, an entry is judged.
    const now = Date.now();
    const essay = await api<ContestResponse>('POST', '/contests', { title: 'Viết về người lao động (kiểm tra giao diện)', kind: 'essay' }, organizer.accessToken);
    const essayRound = await api<RoundResponse>(
      'POST',
      `/contests/${essay.id}/rounds`,
      {
        title: 'Sơ khảo',
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 3_000).toISOString(),
        prompt: 'Kể về một người lao động bạn quý trọng ở nơi bạn làm việc.',
        rubric: [
          { name: 'Nội dung', maxPoints: 60 },
          { name: 'Hình thức', maxPoints: 40, weight: 0.5 },
        ],
        judgesPerEntry: 1,
      },
      organizer.accessToken,
    );
    await api('POST', `/contests/${essay.id}/publish`, undefined, organizer.accessToken);
    const author = await registerMember('Lâm Thị Tác Giả');
    await api('POST', `/rounds/${essayRound.id}/entries`, { title: 'Người thợ hàn', body: 'Anh Tư làm thợ hàn đã hai mươi năm ở cảng Đà Nẵng.' }, author.accessToken);
    const closesAt = Date.parse(essayRound.closesAt);
    if (Date.now() < closesAt + 300) await new Promise((resolve) => setTimeout(resolve, closesAt + 300 - Date.now()));
    await api('POST', `/rounds/${essayRound.id}/assignments`, { judgeIds: [judge.user.id] }, organizer.accessToken);
    const [assignment] = await api<{ id: string }[]>('GET', '/judging/assignments', undefined, judge.accessToken);
    const questions = await api<ApiPage<QuestionResponse>>('GET', '/questions?limit=1', undefined, admin.accessToken);

    // --- who visits what ---
    const ids = { contest: demo.id, round: quizRound.id, essayRound: essayRound.id, essayContest: essay.id };
    const v = (route: string, url: string): Visit => ({ route, url });
    const publicPages = [
      v('/', '/'),
      v('/rounds/:id', `/rounds/${ids.round}`),
      v('/rounds/:id', `/rounds/${ids.essayRound}`),
      v('/contests/:id/board', `/contests/${ids.contest}/board`),
      v('/display/rounds/:id', `/display/rounds/${ids.round}`),
    ];
    visits = [
      { who: 'visitor', auth: null, pages: [...publicPages, v('/login', '/login'), v('/register', '/register'), v('/*', '/khong-co-trang-nay')] },
      {
        who: 'member',
        auth: member,
        pages: [
          ...publicPages,
          v('/account', '/account'),
          v('/history', '/history'),
          v('/attempts/:id', `/attempts/${active.id}`),
          v('/attempts/:id/result', `/attempts/${finished.id}/result`),
        ],
      },
      { who: 'judge', auth: judge, pages: [v('/judging', '/judging'), v('/judging/:id', `/judging/${assignment!.id}`), v('/account', '/account')] },
      {
        who: 'organizer',
        auth: organizer,
        pages: [
          v('/admin', '/admin'),
          v('/admin/contests', '/admin/contests'),
          v('/admin/contests/:id', `/admin/contests/${ids.contest}`),
          v('/admin/contests/:id', `/admin/contests/${ids.essayContest}`),
          v('/admin/rounds/:id', `/admin/rounds/${ids.round}`),
          v('/admin/rounds/:id', `/admin/rounds/${ids.essayRound}`),
          v('/admin/rounds/:id/items', `/admin/rounds/${ids.round}/items`),
          v('/admin/contests/:id/participation', `/admin/contests/${ids.contest}/participation`),
          v('/admin/analytics', '/admin/analytics'),
          v('/admin/questions', '/admin/questions'),
          v('/admin/questions/new', '/admin/questions/new'),
          v('/admin/questions/import', '/admin/questions/import'),
          v('/admin/questions/:id', `/admin/questions/${questions.items[0]!.id}`),
        ],
      },
      {
        who: 'admin',
        auth: admin,
        password: process.env.HOITHI_BROWSER_ADMIN_PASSWORD ?? '',
        pages: [v('/admin/units', '/admin/units'), v('/admin/units/import', '/admin/units/import'), v('/admin/users', '/admin/users'), v('/admin/audit', '/admin/audit'), v('/admin/duplicates', '/admin/duplicates')],
      },
    ];
  }, 120_000);

  it('visits every route of the router as someone', () => {
    const covered = new Set(visits.flatMap((visit) => visit.pages.map((page) => page.route)));
    // A new route needs a line in the visits above.
    expect(routerPaths().filter((path) => !covered.has(path))).toEqual([]);
  });

  it.each(['visitor', 'member', 'judge', 'organizer', 'admin'])('as the %s: no console error, sideways scroll, untranslated key or serious accessibility problem', async (role) => {
    const { who, auth, password, pages } = visits.find((visit) => visit.who === role)!;
    const problems: string[] = [];
    const watched = await openPage(browser);
    watched.page.setDefaultTimeout(15_000);
    if (auth) await signInContext(watched.context, auth.user.email, password ?? PASSWORD);
    for (const { url } of pages) {
      const seen = watched.errors.length;
      await watched.page.setViewportSize(PHONE);
      await watched.page.goto(url);
      await settle(watched.page);
      await check(watched, `${who} ${url} 360`, problems);
      await watched.page.setViewportSize(DESKTOP);
      await check(watched, `${who} ${url} 1280`, problems);
      for (const error of watched.errors.slice(seen)) problems.push(`${who} ${url}: ${error}`);
    }
    await watched.context.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
