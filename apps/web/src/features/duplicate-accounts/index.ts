export { DuplicateAccountsPage } from './components/duplicate-accounts-page';
