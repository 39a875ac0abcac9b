export { UsersAdminPage } from './components/users-admin-page';
