import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../../modules/accounts/models/role.enum.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';

export const AUTH_METADATA = 'karya:auth';

/** Signed-in callers only; with roles, only those holding one of them. */
export const Authenticated = (...roles: Role[]) => SetMetadata(AUTH_METADATA, roles);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().actor;
});
