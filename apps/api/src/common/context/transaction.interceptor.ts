import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { TransactionalConnection } from './transactional-connection.js';

/**
 * Runs a mutation resolver in one transaction: `@Ctx()` gives it the context carrying the manager,
 * and everything it calls joins that. Top-level mutation fields run one after the other; the fields
 * of the result resolve after the commit, on the request's own context (outside the transaction).
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(private readonly connection: TransactionalConnection) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const graphql = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    const outer = graphql.requestContext;
    return from(
      this.connection.withTransaction(outer, async (ctx) => {
        // Parameters are read after the interceptors have run, so @Ctx() sees this one.
        graphql.requestContext = ctx;
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          graphql.requestContext = outer;
        }
      }),
    );
  }
}

/** The mutation's writes commit together or not at all. */
export const Transaction = () => UseInterceptors(TransactionInterceptor);
