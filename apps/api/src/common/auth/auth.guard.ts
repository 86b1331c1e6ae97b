import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../../modules/accounts/models/role.enum.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { AUTH_METADATA, assertAuthenticated } from './auth.decorators.js';

/** Enforces @Authenticated(...roles) on queries and mutations (field resolvers: guardFieldResolvers). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_METADATA, [context.getHandler(), context.getClass()]);
    if (roles === undefined || context.getType<string>() !== 'graphql') return true;
    assertAuthenticated(GqlExecutionContext.create(context).getContext<GraphQLContext>().requestContext, roles);
    return true;
  }
}
