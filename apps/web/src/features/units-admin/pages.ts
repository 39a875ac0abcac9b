// The router's on-demand entry (app/router.tsx), apart from index.ts, which the contest builder imports.
export { UnitImportPage } from './components/unit-import-page';
export { UnitsAdminPage } from './components/units-admin-page';
