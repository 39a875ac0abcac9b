import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DemoDataService } from './demo-data.service.js';
import { DemoRepository } from './demo.repository.js';

@Module({
  imports: [AuthModule, UnitsModule, QuestionBankModule, ContestsModule],
  providers: [DemoDataService, DemoRepository],
})
export class DemoModule {}
