/**
 * SQL over the contests module's tables that other modules put inside their own statements or
 * run from a command line without the application (see docs/architecture.md, "SQL ports").
 */

/** The ids of quiz rounds still open in published contests, by opening time (the board rebuild CLI). */
export const OPEN_QUIZ_ROUND_IDS_SQL = `SELECT r.id FROM rounds r JOIN contests c ON c.id = r.contest_id
          WHERE c.status = 'published' AND r.kind = 'quiz' AND r.closed_at IS NULL ORDER BY r.opens_at`;

/** True while the round `roundId` has not closed at `at` (SQL expressions; `at` is the database's clock check). */
export const roundNotClosedSql = (roundId: string, at: string): string =>
  `EXISTS (SELECT 1 FROM rounds WHERE id = ${roundId} AND closes_at > ${at} AND (closed_at IS NULL OR closed_at > ${at}))`;

/**
 * One row when a member may start an attempt of `roundId` now, for the start statement: a quiz round
 * of a published contest, opened by `opensBy` and not closed at `at` (the database's clock check), the
 * member (`userId`) not one of its managers, and one of the member's units (the CTE named
 * `memberUnits`, with an `id` column) eligible when the contest limits its units. `also` adds
 * conditions of the caller's own (the bank revision the draw used).
 */
export const startableRoundSql = (p: { roundId: string; userId: string; opensBy: string; at: string; memberUnits: string; also: string[] }): string =>
  `SELECT 1 FROM rounds r JOIN contests c ON c.id = r.contest_id
          WHERE r.id = ${p.roundId} AND r.kind = 'quiz' AND c.status = 'published'
            AND r.opens_at <= ${p.opensBy} AND r.closes_at > ${p.at} AND (r.closed_at IS NULL OR r.closed_at > ${p.at})
            ${p.also.map((condition) => `AND ${condition}`).join('\n            ')}
            AND NOT EXISTS (SELECT 1 FROM contest_managers cm WHERE cm.contest_id = c.id AND cm.user_id = ${p.userId})
            AND (cardinality(c.eligible_unit_ids) = 0
                 OR EXISTS (SELECT 1 FROM ${p.memberUnits} m WHERE m.id = ANY(c.eligible_unit_ids)))`;
