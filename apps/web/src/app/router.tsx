import { Suspense } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { AttemptPage } from '../features/attempt';
import { LoginPage, RegisterPage } from '../features/auth';
import { HomePage } from '../features/contests';
import { RoundPage } from '../features/rounds';
import { AppLayout } from './layout';
import { page } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { PageLoading } from './page-loading';
import { RouteError } from './route-error';

// The first chunk holds only the member's home, round and quiz pages, the login and the sign-up
// (imported above from the features' index.ts). Every other page and the staff layouts load on
// demand: from the feature's `pages.ts`, or from the index of a feature that only the router
// imports (a page re-exported by an index that the first chunk imports would stay in it).
const AdminLayout = page(() => import('./admin-layout'), 'AdminLayout', 'organizer');
const JudgingLayout = page(() => import('./admin-layout'), 'JudgingLayout', 'judging');
const AccountPage = page(() => import('../features/account/pages'), 'AccountPage');
const ResultPage = page(() => import('../features/attempt/pages'), 'ResultPage');
const ContestBoardPage = page(() => import('../features/leaderboard/pages'), 'ContestBoardPage');
const DisplayPage = page(() => import('../features/leaderboard/pages'), 'DisplayPage');
const HistoryPage = page(() => import('../features/history'), 'HistoryPage');
const QuestionBankPage = page(() => import('../features/question-bank/pages'), 'QuestionBankPage', 'organizer');
const QuestionEditorPage = page(() => import('../features/question-bank/pages'), 'QuestionEditorPage', 'organizer');
const ImportPage = page(() => import('../features/question-bank/pages'), 'ImportPage', 'organizer');
const ContestsAdminPage = page(() => import('../features/contest-admin'), 'ContestsAdminPage', 'organizer');
const ContestBuilderPage = page(() => import('../features/contest-admin'), 'ContestBuilderPage', 'organizer');
const ParticipationPage = page(() => import('../features/analytics'), 'ParticipationPage', 'organizer');
const ItemAnalysisPage = page(() => import('../features/analytics'), 'ItemAnalysisPage', 'organizer');
const AnalyticsIndexPage = page(() => import('../features/analytics'), 'AnalyticsIndexPage', 'organizer');
const RoundOpsPage = page(() => import('../features/round-ops'), 'RoundOpsPage', 'organizer');
const DuplicateAccountsPage = page(() => import('../features/duplicate-accounts'), 'DuplicateAccountsPage', 'organizer');
const AuditLogPage = page(() => import('../features/audit-log'), 'AuditLogPage', 'organizer');
const UnitsAdminPage = page(() => import('../features/units-admin/pages'), 'UnitsAdminPage', 'organizer');
const UnitImportPage = page(() => import('../features/units-admin/pages'), 'UnitImportPage', 'organizer');
const UsersAdminPage = page(() => import('../features/users-admin'), 'UsersAdminPage', 'organizer');
const JudgingAssignmentsPage = page(() => import('../features/judging'), 'JudgingAssignmentsPage', 'judging');
const JudgingEntryPage = page(() => import('../features/judging'), 'JudgingEntryPage', 'judging');

export const routes: RouteObject[] = [
  {
    // Full screen for TVs and projectors: no header, no login, and so no layout's Suspense.
    path: '/display/rounds/:id',
    element: (
      <Suspense fallback={<PageLoading />}>
        <DisplayPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'history', element: <HistoryPage /> },
      { path: 'contests/:id/board', element: <ContestBoardPage /> },
      { path: 'rounds/:id', element: <RoundPage /> },
      { path: 'attempts/:id', element: <AttemptPage /> },
      { path: 'attempts/:id/result', element: <ResultPage /> },
      {
        // Organizers (and admins): the question bank, contests, running rounds. These screens and
        // the judges', with their strings, load on demand, so members' phones never download them.
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <Navigate to="/admin/contests" replace /> },
          { path: 'questions', element: <QuestionBankPage /> },
          { path: 'questions/new', element: <QuestionEditorPage /> },
          { path: 'questions/import', element: <ImportPage /> },
          { path: 'questions/:id', element: <QuestionEditorPage /> },
          { path: 'contests', element: <ContestsAdminPage /> },
          { path: 'contests/:id', element: <ContestBuilderPage /> },
          { path: 'contests/:id/participation', element: <ParticipationPage /> },
          { path: 'rounds/:id', element: <RoundOpsPage /> },
          { path: 'rounds/:id/items', element: <ItemAnalysisPage /> },
          { path: 'analytics', element: <AnalyticsIndexPage /> },
          { path: 'duplicates', element: <DuplicateAccountsPage /> },
          { path: 'audit', element: <AuditLogPage /> },
          { path: 'units', element: <UnitsAdminPage /> },
          { path: 'units/import', element: <UnitImportPage /> },
          { path: 'users', element: <UsersAdminPage /> },
        ],
      },
      {
        path: 'judging',
        element: <JudgingLayout />,
        children: [
          { index: true, element: <JudgingAssignmentsPage /> },
          { path: ':id', element: <JudgingEntryPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The app's routes under a declarative router (main.tsx: BrowserRouter): none of them uses a data
 * router's loaders or actions. `errorElement` serves the tests' data router; here `RouteErrorBoundary`
 * (route-error.tsx) shows the same page.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
