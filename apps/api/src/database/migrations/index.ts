import { Initial1795717031964 } from './1795717031964-Initial.js';
import { QuestionBank1795717610010 } from './1795717610010-QuestionBank.js';

/** Every migration, in order. `npm run migration:generate -- Name` writes new ones; add them here. */
export const MIGRATIONS = [Initial1795717031964, QuestionBank1795717610010];
