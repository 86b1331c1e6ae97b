import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { isErrorResult, type ErrorResult } from '../errors/error-result.js';
import type { RequestContext } from './request-context.js';

/** Carries an error result out of the transaction it rolls back. */
class DeclinedWork {
  constructor(readonly result: ErrorResult) {}
}

/**
 * The one way to the database (Vendure's TransactionalConnection): statements go through the
 * context's open transaction when it has one, so reads see its writes, writes and `FOR UPDATE` locks
 * join it, and a nested call commits or rolls back with its caller.
 */
@Injectable()
export class TransactionalConnection {
  private readonly logger = new Logger('Transactions');
  /** Work to run once each open transaction has committed, by its manager. */
  private readonly afterCommitWork = new WeakMap<EntityManager, (() => Promise<void>)[]>();

  constructor(private readonly dataSource: DataSource) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  getRepository<Entity extends ObjectLiteral>(ctx: RequestContext, target: EntityTarget<Entity>): Repository<Entity> {
    return this.manager(ctx).getRepository(target);
  }

  /**
   * Entities from plain SQL (`SELECT t.* …`), mapped by the entity's column metadata (names and
   * transformers): for the hot batch reads of every page, without a query builder or TypeORM's hydration.
   */
  async rows<Entity extends ObjectLiteral>(ctx: RequestContext, target: EntityTarget<Entity>, sql: string, parameters: unknown[]): Promise<Entity[]> {
    const raw: Record<string, unknown>[] = await this.manager(ctx).query(sql, parameters);
    return raw.map(this.hydrator(target));
  }

  private readonly hydrators = new Map<EntityTarget<ObjectLiteral>, (row: Record<string, unknown>) => never>();

  /** Maps a plain row (database column names) to an entity; built once per entity. */
  hydrator<Entity extends ObjectLiteral>(target: EntityTarget<Entity>): (row: Record<string, unknown>) => Entity {
    let hydrate = this.hydrators.get(target);
    if (!hydrate) {
      const metadata = this.dataSource.getMetadata(target);
      const columns = metadata.columns.map((column) => ({
        from: column.databaseName,
        to: column.propertyName,
        transform: column.transformer && !Array.isArray(column.transformer) ? column.transformer.from.bind(column.transformer) : (value: unknown) => value,
      }));
      hydrate = (row) => {
        const entity = metadata.create() as Record<string, unknown>;
        for (const column of columns) if (column.from in row) entity[column.to] = column.transform(row[column.from]);
        return entity as never;
      };
      this.hydrators.set(target, hydrate);
    }
    return hydrate as (row: Record<string, unknown>) => Entity;
  }

  /**
   * Runs `work` in the context's transaction, or opens one that commits when `work` resolves and rolls
   * back when it throws or resolves to an ErrorResult: an expected refusal commits nothing, whatever
   * was written before it was decided (so work that must keep a write, such as a wrong reset code's
   * attempt, decides its error result after the transaction). `work` must use the context it is given.
   */
  async withTransaction<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.transaction) return work(ctx);
    let opened: EntityManager | undefined;
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        opened = manager;
        this.afterCommitWork.set(manager, []);
        const outcome = await work(ctx.inTransaction(manager));
        if (isErrorResult(outcome)) throw new DeclinedWork(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof DeclinedWork) return error.result as T;
      throw error;
    }
    for (const next of this.afterCommitWork.get(opened!) ?? []) {
      // Committed already: a failure here is reported, it cannot undo the change.
      await next().catch((error: Error) => this.logger.warn(`after commit [${ctx.requestId}]: ${error.message}`));
    }
    return result;
  }

  /** Runs `work` once the context's transaction has committed (at once outside one; never after a rollback). */
  async afterCommit(ctx: RequestContext, work: () => Promise<void>): Promise<void> {
    const queued = ctx.transaction && this.afterCommitWork.get(ctx.transaction);
    if (queued) queued.push(work);
    else await work();
  }
}
