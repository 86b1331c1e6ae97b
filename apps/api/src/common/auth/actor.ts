import type { Role } from '../../modules/accounts/models/role.enum.js';

/** Who is calling: set on the GraphQL context from the bearer token, null for anonymous calls. */
export interface Actor {
  userId: string;
  sessionId: string;
  displayName: string;
  roles: ReadonlySet<Role>;
}

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean => !!actor && roles.some((role) => actor.roles.has(role));
