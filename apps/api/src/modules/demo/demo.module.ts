import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [AuthModule, UnitsModule],
  providers: [DemoDataService],
})
export class DemoModule {}
