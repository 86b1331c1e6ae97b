import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import type { RequestContext } from './request-context.js';

/** The RequestContext of this call (inside a @Transaction(), the one carrying its manager). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().requestContext;
});
