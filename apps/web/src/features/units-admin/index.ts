export { UnitTreeView, useExpandedUnits, type UnitTreeRowInfo } from './components/unit-tree-view';
