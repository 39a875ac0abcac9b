import type { EntityManager } from 'typeorm';

declare const txBrand: unique symbol;

/**
 * An open transaction, as services see it: a handle they receive from a repository's
 * `transaction(work)` and pass to the repository (or registered step) calls that must run in it, and
 * nothing more. Database access stays in repositories: only they (and the SQL adapter here) turn the
 * handle back into TypeORM's `EntityManager` with `managerOf`, and the lint rule in eslint.config.js
 * keeps `EntityManager` and `DataSource` out of services. Passed by hand rather than carried by
 * `AsyncLocalStorage` so that a signature says which calls join the caller's transaction
 * (docs/architecture.md "Transactions" has the measurements). Hot paths run through here, so both
 * functions are casts: no wrapper object, no allocation.
 */
export type Tx = { readonly [txBrand]: true };

/** The transaction's manager as the handle services pass around (a cast). */
export function asTx(manager: EntityManager): Tx {
  return manager as unknown as Tx;
}

/** The manager behind the handle, for a repository's queries (a cast); `undefined` stays `undefined`. */
export function managerOf(tx: Tx): EntityManager;
export function managerOf(tx?: Tx): EntityManager | undefined;
export function managerOf(tx?: Tx): EntityManager | undefined {
  return tx as unknown as EntityManager | undefined;
}
