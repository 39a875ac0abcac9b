/**
 * SQL over the `units` table that other modules put inside their own statements, where a call to
 * `UnitsService` would cost a round trip per request (boards, profiles, the start). The units module
 * owns these texts like it owns the table: a change to `units` changes them here, and no other file
 * names the table (see docs/architecture.md, "SQL ports").
 */

/** The name of the unit whose id is the SQL expression `unitId` (NULL when it no longer exists). */
export const unitNameSql = (unitId: string): string => `(SELECT n.name FROM units n WHERE n.id = ${unitId})`;

/** True when the unit whose id is the SQL expression `unitId` exists. */
export const unitExistsSql = (unitId: string): string => `EXISTS (SELECT 1 FROM units n WHERE n.id = ${unitId})`;

/**
 * A recursive CTE body `name(id, parent_id, depth)`: the unit `unitId` (an SQL expression) and its
 * ancestors up the tree (depth bounded: a damaged tree cannot loop a statement).
 */
export const unitAndAncestorsCte = (name: string, unitId: string): string =>
  `${name}(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}
         UNION ALL
         SELECT u.id, u.parent_id, m.depth + 1 FROM units u JOIN ${name} m ON u.id = m.parent_id WHERE m.depth < 64)`;
