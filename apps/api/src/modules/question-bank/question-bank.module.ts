import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QUESTION_BANK_ENTITIES } from './question-bank.entities.js';
import { QuestionBankRepository } from './question-bank.repository.js';
import { QuestionExportService } from './question-export.service.js';
import { QuestionImportService } from './question-import.service.js';
import { QuestionTransferController } from './question-transfer.controller.js';
import { QuestionPoolRepository } from './question-pool.repository.js';
import { QuestionPoolService } from './question-pool.service.js';
import { QuestionsService } from './questions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(QUESTION_BANK_ENTITIES), AuditModule],
  controllers: [QuestionTransferController, QuestionBankController],
  providers: [QuestionBankRepository, QuestionPoolRepository, QuestionsService, QuestionImportService, QuestionExportService, QuestionPoolService],
  exports: [QuestionsService, QuestionPoolService],
})
export class QuestionBankModule {}
