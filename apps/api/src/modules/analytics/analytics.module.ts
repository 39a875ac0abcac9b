import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ContestAnalyticsController, RoundAnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';

/** What organizers learn from a contest: participation by unit and round, item analysis per round. */
@Module({
  imports: [AttemptsModule, ContestsModule, QuestionBankModule, UnitsModule],
  controllers: [ContestAnalyticsController, RoundAnalyticsController],
  providers: [AnalyticsService],
})
export class AnalyticsModule {}
