export { AccountPage } from './components/account-page';
export { PasswordChangeRequiredPage } from './components/password-change-required-page';
