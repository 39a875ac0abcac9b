import { type DynamicModule, Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseTarget } from './data-source-options.js';
import { EmbeddedMaintenance } from './embedded-maintenance.js';
import { runMigrations } from './migrate.js';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** Schema only through migrations, applied at boot before anything reads a table. */
@Injectable()
class MigrateOnBoot implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly target: DatabaseTarget,
  ) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.dataSource, { lock: !this.target.embedded });
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      // Each module registers its own entities (`TypeOrmModule.forFeature`); the data source takes them all.
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(target), autoLoadEntities: true })],
      providers: [
        {
          provide: MigrateOnBoot,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new MigrateOnBoot(dataSource, target),
        },
        ...(target.embedded
          ? [
              {
                provide: EmbeddedMaintenance,
                inject: [DataSource],
                useFactory: (dataSource: DataSource) => new EmbeddedMaintenance(dataSource, target.vacuumMinutes ?? 10),
              },
            ]
          : []),
      ],
      exports: target.embedded ? [EmbeddedMaintenance] : [],
    };
  }
}
