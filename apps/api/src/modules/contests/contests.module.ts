import { Module } from '@nestjs/common';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ContestsController } from './contests.controller.js';
import { ContestsRepository } from './contests.repository.js';
import { ContestsService } from './contests.service.js';

@Module({
  imports: [QuestionBankModule, UnitsModule],
  controllers: [ContestsController],
  providers: [ContestsRepository, ContestsService],
  exports: [ContestsService],
})
export class ContestsModule {}
