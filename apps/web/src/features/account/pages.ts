// The app shell's on-demand entry (app/router.tsx, app/layout.tsx): no page of this feature is in the first chunk.
export { AccountPage } from './components/account-page';
export { PasswordChangeRequiredPage } from './components/password-change-required-page';
