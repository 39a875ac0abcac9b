import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ContestsModule } from '../contests/contests.module.js';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module.js';
import { ResultsDigestModule } from '../results/results-digest.module.js';
import { CERTIFICATES_ENTITIES } from './certificates.entities.js';
import { CertificateRenderer } from './certificate-renderer.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CertificatesService } from './certificates.service.js';

/** Certificates of closed quiz rounds: a member's own PDF, and managers' bulk zips with progress. */
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATES_ENTITIES), AuditModule, ContestsModule, LeaderboardsModule, ResultsDigestModule],
  controllers: [CertificatesController],
  providers: [CertificatesRepository, CertificatesService, CertificateRenderer],
})
export class CertificatesModule {}
