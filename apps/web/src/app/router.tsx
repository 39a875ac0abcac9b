import { createBrowserRouter, type RouteObject } from 'react-router';
import { AttemptPage, ResultPage } from '../features/attempt';
import { LoginPage, RegisterPage } from '../features/auth';
import { HomePage } from '../features/contests';
import { DisplayPage } from '../features/leaderboard';
import { RoundPage } from '../features/rounds';
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
      { path: 'rounds/:id', element: <RoundPage /> },
      { path: 'attempts/:id', element: <AttemptPage /> },
      { path: 'attempts/:id/result', element: <ResultPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
