import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AuditController } from './audit.controller.js';
import { AuditModule } from './audit.module.js';

/** Reading: the admin route (`GET /api/audit`), which names the actors through UsersService. */
@Module({
  imports: [AuditModule, UsersModule],
  controllers: [AuditController],
})
export class AuditLogModule {}
