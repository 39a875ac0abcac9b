import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The readiness probe's one statement: a round trip to the database, nothing read. */
@Injectable()
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
