export { authApi } from './api/auth-api';
export { AuthProvider } from './components/auth-provider';
export { LoginPage, type LoginLocationState } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { RequireRole } from './components/require-role';
export { meQueryKey, useAuth, type AuthState, type AuthStatus } from './hooks/auth-context';
export { hasRole } from './hooks/roles';
export { useLeaveSession } from './hooks/use-leave-session';
export { useUnits } from './hooks/use-units';
