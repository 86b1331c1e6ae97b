import { SetMetadata, type Type } from '@nestjs/common';
import { FIELD_RESOLVER_MIDDLEWARE_METADATA, RESOLVER_PROPERTY_METADATA, type FieldMiddleware } from '@nestjs/graphql';
import type { Role } from '../../modules/accounts/models/role.enum.js';
import { signInFirst, type RequestContext } from '../context/request-context.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { userError } from '../errors/user-errors.js';

export const AUTH_METADATA = 'karya:auth';

/** Signed-in callers only; with roles, only those holding one of them. On a field resolver too (guardFieldResolvers). */
export const Authenticated = (...roles: Role[]) => SetMetadata(AUTH_METADATA, roles);

export const notYours = () => userError('FORBIDDEN', 'Your account may not do this.');

/** What @Authenticated(...roles) asks of the caller: UNAUTHENTICATED without a session, FORBIDDEN without the role. */
export function assertAuthenticated(ctx: RequestContext, roles: readonly Role[]): void {
  if (!ctx.personOrNull) throw signInFirst();
  if (roles.length > 0 && !ctx.hasRole(...roles)) throw notYours();
}

const guardedFields = new WeakSet<object>();

/**
 * Nest runs no guards on field resolvers (run for every field of every request, its guard pipeline
 * cost more than the fields themselves), so a field resolver marked @Authenticated gets the same
 * check as field middleware. Called once the decorators have run, whatever their order.
 */
export function guardFieldResolvers(resolvers: readonly Type[]): void {
  for (const resolver of resolvers) {
    for (const name of Object.getOwnPropertyNames(resolver.prototype)) {
      const method: unknown = Object.getOwnPropertyDescriptor(resolver.prototype, name)?.value;
      if (typeof method !== 'function' || guardedFields.has(method) || !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue;
      const roles = (Reflect.getMetadata(AUTH_METADATA, method) ?? Reflect.getMetadata(AUTH_METADATA, resolver)) as Role[] | undefined;
      if (!roles) continue;
      const check: FieldMiddleware<unknown, GraphQLContext> = ({ context }, next) => {
        assertAuthenticated(context.requestContext, roles);
        return next();
      };
      const middleware = (Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, method) ?? []) as FieldMiddleware[];
      Reflect.defineMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, [...middleware, check], method);
      guardedFields.add(method);
    }
  }
}
