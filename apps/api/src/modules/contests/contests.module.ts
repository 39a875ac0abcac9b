import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONTESTS_ENTITIES } from './contests.entities.js';
import { AuditModule } from '../audit/audit.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { UnitsModule } from '../units/units.module.js';
import { UsersModule } from '../users/users.module.js';
import { ContestAccess, ContestManagerGuard } from './contest-access.js';
import { ContestsController } from './contests.controller.js';
import { ContestsRepository } from './contests.repository.js';
import { ContestsService } from './contests.service.js';
import { RoundChanges } from './round-changes.js';
import { RoundCloseService } from './round-close.service.js';
import { RoundCloser } from './round-closer.js';
import { RoundsController } from './rounds.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature(CONTESTS_ENTITIES), AuditModule, QuestionBankModule, UnitsModule, UsersModule],
  controllers: [ContestsController, RoundsController],
  providers: [ContestsRepository, ContestsService, ContestAccess, ContestManagerGuard, RoundChanges, RoundCloseService, RoundCloser],
  exports: [ContestsService, ContestAccess, ContestManagerGuard, RoundCloseService],
})
export class ContestsModule {}
