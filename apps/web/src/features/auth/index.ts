export { AuthProvider } from './components/auth-provider';
export { LoginPage } from './components/login-page';
export { RegisterPage } from './components/register-page';
export { useAuth, type AuthState, type AuthStatus } from './hooks/auth-context';
