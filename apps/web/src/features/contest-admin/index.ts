export { ContestBuilderPage } from './components/contest-builder-page';
export { ContestsAdminPage } from './components/contests-admin-page';
