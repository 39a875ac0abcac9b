import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { ResultsBundleController } from './results-bundle.controller.js';
import { ResultsBundleService } from './results-bundle.service.js';
import { ResultsDigestModule } from './results-digest.module.js';

/** Verifiable results (issue 19 item 5): the results bundle of a closed round and the digest its final board shows. */
@Module({
  imports: [AttemptsModule, AuditModule, ContestsModule, LeaderboardsModule, QuestionBankModule, ResultsDigestModule],
  controllers: [ResultsBundleController],
  providers: [ResultsBundleService],
})
export class ResultsModule {}
