import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_ENTITIES } from './audit.entities.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/**
 * Recording: imported by every module whose actions are audited. It depends on nothing but the
 * database, so the users module (role changes) imports it without a cycle; the admin route that
 * reads the log is AuditLogModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
