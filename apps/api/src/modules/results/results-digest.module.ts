import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RESULTS_ENTITIES } from './results.entities.js';
import { ResultsDigestService } from './results-digest.service.js';
import { ResultsRepository } from './results.repository.js';

/** The results digests alone: the leaderboards import this to show the digest on the final board. */
@Module({
  imports: [TypeOrmModule.forFeature(RESULTS_ENTITIES)],
  providers: [ResultsRepository, ResultsDigestService],
  exports: [ResultsDigestService],
})
export class ResultsDigestModule {}
