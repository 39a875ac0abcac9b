import { Initial1795717031964 } from './1795717031964-Initial.js';
import { QuestionBank1795717610010 } from './1795717610010-QuestionBank.js';
import { Attempts1795719919216 } from './1795719919216-Attempts.js';
import { Leaderboards1795720582149 } from './1795720582149-Leaderboards.js';
import { Essays1795721948703 } from './1795721948703-Essays.js';
import { RoundFreeze1796266882621 } from './1796266882621-RoundFreeze.js';
import { PhoneNumbers1796267199000 } from './1796267199000-PhoneNumbers.js';
import { AuditLog1796268167706 } from './1796268167706-AuditLog.js';
import { SessionsAndManagers1796273813107 } from './1796273813107-SessionsAndManagers.js';
import { AttemptHistoryIndex1796275650555 } from './1796275650555-AttemptHistoryIndex.js';
import { ParticipationIndex1796280119787 } from './1796280119787-ParticipationIndex.js';
import { RoundPrompt1796283472120 } from './1796283472120-RoundPrompt.js';
import { ResultsBundle1796283863406 } from './1796283863406-ResultsBundle.js';
import { CertificateBatches1796285106135 } from './1796285106135-CertificateBatches.js';

/** Every migration, in order. `npm run migration:generate -- Name` writes new ones; add them here. */
export const MIGRATIONS = [Initial1795717031964, QuestionBank1795717610010, Attempts1795719919216, Leaderboards1795720582149, Essays1795721948703, RoundFreeze1796266882621, PhoneNumbers1796267199000, AuditLog1796268167706, SessionsAndManagers1796273813107, AttemptHistoryIndex1796275650555, ParticipationIndex1796280119787, RoundPrompt1796283472120, ResultsBundle1796283863406, CertificateBatches1796285106135];
