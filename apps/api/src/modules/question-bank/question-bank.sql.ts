/**
 * SQL over the question bank's tables that other modules put inside their own statements to save a
 * round trip on the start (see docs/architecture.md, "SQL ports"). The bank owns these texts.
 */

/** The bank's revision (`question_bank_state`, one row): a change to any question bumps it. */
export const BANK_REVISION_SQL = '(SELECT revision FROM question_bank_state WHERE id = 1)';
