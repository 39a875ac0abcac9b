export { AuthProvider } from './components/auth-provider';
export { LoginPage } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { RequireRole } from './components/require-role';
export { useAuth, type AuthState, type AuthStatus } from './hooks/auth-context';
export { hasRole } from './hooks/roles';
export { useUnits } from './hooks/use-units';
