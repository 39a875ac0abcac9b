import { Module } from '@nestjs/common';
import { ResultsDigestService } from './results-digest.service.js';
import { ResultsRepository } from './results.repository.js';

/** The results digests alone: the leaderboards import this to show the digest on the final board. */
@Module({
  providers: [ResultsRepository, ResultsDigestService],
  exports: [ResultsDigestService],
})
export class ResultsDigestModule {}
