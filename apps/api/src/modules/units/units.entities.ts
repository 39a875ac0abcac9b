import { UnitEntity } from './unit.entity.js';

/** The units module's tables: registered by UnitsModule, listed whole for the migration tooling. */
export const UNITS_ENTITIES = [UnitEntity];
