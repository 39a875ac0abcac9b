import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestEntity } from './contest.entity.js';
import { ContestsController } from './contests.controller.js';
import { ContestsRepository } from './contests.repository.js';
import { ContestsService } from './contests.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContestEntity])],
  controllers: [ContestsController],
  providers: [ContestsRepository, ContestsService],
  exports: [ContestsService],
})
export class ContestsModule {}
