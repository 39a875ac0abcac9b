import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage, RegisterPage } from '../features/auth';
import { HomePage } from '../features/contests';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
