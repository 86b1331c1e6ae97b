import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../../modules/accounts/models/role.enum.js';
import { signInFirst } from '../context/request-context.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { userError } from '../errors/user-errors.js';
import { AUTH_METADATA } from './auth.decorators.js';

export const notYours = () => userError('FORBIDDEN', 'Your account may not do this.');

/** Enforces @Authenticated(...roles) on resolvers: UNAUTHENTICATED without a session, FORBIDDEN without the role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_METADATA, [context.getHandler(), context.getClass()]);
    if (roles === undefined || context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>().requestContext;
    if (!ctx.personOrNull) throw signInFirst();
    if (roles.length > 0 && !ctx.hasRole(...roles)) throw notYours();
    return true;
  }
}
