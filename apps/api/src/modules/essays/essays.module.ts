import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ESSAYS_ENTITIES } from './essays.entities.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { UnitsModule } from '../units/units.module.js';
import { UsersModule } from '../users/users.module.js';
import { AttachmentStore } from './attachments/attachment-store.js';
import { EntriesController, RoundEntriesController } from './entries.controller.js';
import { EntriesService } from './entries.service.js';
import { EssayResultsController } from './essay-results.controller.js';
import { EssayResultsService } from './essay-results.service.js';
import { EssaysRepository } from './essays.repository.js';
import { EntryJudgingController, JudgingController, RoundJudgingController } from './judging.controller.js';
import { JudgingService } from './judging.service.js';

/** Essay contests: entries, blind judging, aggregation, shortlists and results. */
@Module({
  imports: [TypeOrmModule.forFeature(ESSAYS_ENTITIES), AuditModule, ContestsModule, UnitsModule, UsersModule],
  controllers: [RoundEntriesController, EntriesController, RoundJudgingController, EntryJudgingController, JudgingController, EssayResultsController],
  providers: [EssaysRepository, AttachmentStore, EntriesService, JudgingService, EssayResultsService],
})
export class EssaysModule {}
