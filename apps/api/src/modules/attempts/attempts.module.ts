import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { UnitsModule } from '../units/units.module.js';
import { StartAdmission } from './admission/start-admission.js';
import { AnalyticsSource } from './analytics-source.js';
import { AnswersRepository } from './answers.repository.js';
import { AttemptRecordsService } from './attempt-records.service.js';
import { AttemptEvents } from './attempt-events.js';
import { RegradeSteps } from './regrade-steps.js';
import { AttemptSweeper } from './attempt-sweeper.js';
import { ATTEMPTS_ENTITIES } from './attempts.entities.js';
import { AttemptsController, RoundPlayController } from './attempts.controller.js';
import { AttemptsRepository } from './attempts.repository.js';
import { AttemptsService } from './attempts.service.js';
import { BoardSource } from './board-source.js';
import { ParticipantsRepository } from './participants.repository.js';
import { RegradeRepository } from './regrade.repository.js';
import { RegradeService } from './regrade.service.js';
import { AttemptsRoundCloseSteps } from './round-close-steps.js';

@Module({
  imports: [TypeOrmModule.forFeature(ATTEMPTS_ENTITIES), AuditModule, ContestsModule, QuestionBankModule, UnitsModule],
  controllers: [RoundPlayController, AttemptsController],
  providers: [
    AttemptsRepository,
    ParticipantsRepository,
    AnswersRepository,
    RegradeRepository,
    AttemptsService,
    StartAdmission,
    RegradeService,
    AttemptEvents,
    RegradeSteps,
    AttemptSweeper,
    BoardSource,
    AnalyticsSource,
    AttemptRecordsService,
    AttemptsRoundCloseSteps,
  ],
  exports: [AttemptsService, AttemptEvents, RegradeSteps, BoardSource, AnalyticsSource, AttemptRecordsService],
})
export class AttemptsModule {}
