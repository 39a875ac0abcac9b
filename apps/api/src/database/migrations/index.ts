import { Initial1795717031964 } from './1795717031964-Initial.js';
import { QuestionBank1795717610010 } from './1795717610010-QuestionBank.js';
import { Attempts1795719919216 } from './1795719919216-Attempts.js';

/** Every migration, in order. `npm run migration:generate -- Name` writes new ones; add them here. */
export const MIGRATIONS = [Initial1795717031964, QuestionBank1795717610010, Attempts1795719919216];
