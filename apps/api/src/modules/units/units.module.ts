import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UNITS_ENTITIES } from './units.entities.js';
import { UnitsController } from './units.controller.js';
import { UnitsRepository } from './units.repository.js';
import { UnitsService } from './units.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(UNITS_ENTITIES)],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService],
  exports: [UnitsService],
})
export class UnitsModule {}
