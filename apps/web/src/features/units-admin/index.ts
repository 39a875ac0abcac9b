export { UnitImportPage } from './components/unit-import-page';
export { UnitsAdminPage } from './components/units-admin-page';
export { UnitTreeView, useExpandedUnits, type UnitTreeRowInfo } from './components/unit-tree-view';
