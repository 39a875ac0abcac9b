import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account';
import { AttemptPage, ResultPage } from '../features/attempt';
import { LoginPage, RegisterPage } from '../features/auth';
import { HomePage } from '../features/contests';
import { ContestBoardPage, DisplayPage } from '../features/leaderboard';
import { RoundPage } from '../features/rounds';
import { AdminLayout, JudgingLayout } from './admin-layout';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export const routes: RouteObject[] = [
  // Full screen for TVs and projectors: no header, no login.
  { path: '/display/rounds/:id', element: <DisplayPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'history', lazy: () => import('../features/history').then((m) => ({ Component: m.HistoryPage })) },
      { path: 'contests/:id/board', element: <ContestBoardPage /> },
      { path: 'rounds/:id', element: <RoundPage /> },
      { path: 'attempts/:id', element: <AttemptPage /> },
      { path: 'attempts/:id/result', element: <ResultPage /> },
      {
        // Organizers (and admins): the question bank, contests, running rounds. These screens and
        // the judges' load on demand, so members' phones never download them.
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <Navigate to="/admin/contests" replace /> },
          { path: 'questions', lazy: () => import('../features/question-bank').then((m) => ({ Component: m.QuestionBankPage })) },
          { path: 'questions/new', lazy: () => import('../features/question-bank').then((m) => ({ Component: m.QuestionEditorPage })) },
          { path: 'questions/import', lazy: () => import('../features/question-bank').then((m) => ({ Component: m.ImportPage })) },
          { path: 'questions/:id', lazy: () => import('../features/question-bank').then((m) => ({ Component: m.QuestionEditorPage })) },
          { path: 'contests', lazy: () => import('../features/contest-admin').then((m) => ({ Component: m.ContestsAdminPage })) },
          { path: 'contests/:id', lazy: () => import('../features/contest-admin').then((m) => ({ Component: m.ContestBuilderPage })) },
          { path: 'contests/:id/participation', lazy: () => import('../features/analytics').then((m) => ({ Component: m.ParticipationPage })) },
          { path: 'rounds/:id', lazy: () => import('../features/round-ops').then((m) => ({ Component: m.RoundOpsPage })) },
          { path: 'rounds/:id/items', lazy: () => import('../features/analytics').then((m) => ({ Component: m.ItemAnalysisPage })) },
          { path: 'analytics', lazy: () => import('../features/analytics').then((m) => ({ Component: m.AnalyticsIndexPage })) },
          { path: 'duplicates', lazy: () => import('../features/duplicate-accounts').then((m) => ({ Component: m.DuplicateAccountsPage })) },
          { path: 'audit', lazy: () => import('../features/audit-log').then((m) => ({ Component: m.AuditLogPage })) },
          { path: 'units', lazy: () => import('../features/units-admin').then((m) => ({ Component: m.UnitsAdminPage })) },
          { path: 'units/import', lazy: () => import('../features/units-admin').then((m) => ({ Component: m.UnitImportPage })) },
          { path: 'users', lazy: () => import('../features/users-admin').then((m) => ({ Component: m.UsersAdminPage })) },
        ],
      },
      {
        path: 'judging',
        element: <JudgingLayout />,
        children: [
          { index: true, lazy: () => import('../features/judging').then((m) => ({ Component: m.JudgingAssignmentsPage })) },
          { path: ':id', lazy: () => import('../features/judging').then((m) => ({ Component: m.JudgingEntryPage })) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
