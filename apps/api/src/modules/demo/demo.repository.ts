import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { asTx, type Tx } from '../../common/database/tx.js';

/**
 * The demo load's one transaction. The demo module owns no table: units, accounts and questions are
 * written through their own modules' services, which receive the handle.
 */
@Injectable()
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }
}
