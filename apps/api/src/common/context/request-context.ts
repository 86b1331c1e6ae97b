import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../modules/accounts/models/role.enum.js';
import { userError } from '../errors/user-errors.js';

/** A signed-in person, from the bearer token of the request. */
export interface Person {
  kind: 'person';
  userId: string;
  sessionId: string;
  displayName: string;
  roles: ReadonlySet<Role>;
}

/** The parts of the system that act on their own, by name, and how their changes are signed. */
export const SYSTEM_ACTORS = {
  'photo-job': 'Pemrosesan foto (sistem)',
  'stripe-webhook': 'Pembayaran kartu via Stripe (sistem)',
  'order-timer': 'Pengingat pesanan (sistem)',
  'guest-buyer': 'Pembeli tamu, dengan nomor pesanannya (sistem)',
  seed: 'Data contoh (sistem)',
  'impact-job': 'Laporan dampak (sistem)',
} as const;

export type SystemActorName = keyof typeof SYSTEM_ACTORS;

export interface SystemActor {
  kind: 'system';
  name: SystemActorName;
  displayName: string;
}

/** Who or what acts: audit entries (and later postings) always name one. */
export type Actor = Person | SystemActor;

export const signInFirst = () => userError('UNAUTHENTICATED', 'Sign in first.');

/**
 * What every service method gets first (Vendure's `ctx`): who acts, the request id the logs and the
 * client share, and the open transaction, if any, that the call's statements must join.
 * Immutable: a transaction gives a copy (`inTransaction`), the outer context stays valid after it.
 */
export class RequestContext {
  private constructor(
    /** null for an anonymous caller. */
    readonly actor: Actor | null,
    readonly requestId: string,
    /** The transaction this call runs in; null outside one (statements go to the pool). */
    readonly transaction: EntityManager | null,
  ) {}

  /** An API request, by a signed-in person or anonymous. */
  static forRequest(requestId: string, person: Person | null): RequestContext {
    return new RequestContext(person, requestId, null);
  }

  /** A job, a webhook or a script acting on its own. */
  static forSystem(name: SystemActorName, requestId = `${name}:${randomUUID()}`): RequestContext {
    return new RequestContext({ kind: 'system', name, displayName: SYSTEM_ACTORS[name] }, requestId, null);
  }

  /** The signed-in person; UNAUTHENTICATED when the caller is anonymous (or the system). */
  get person(): Person {
    if (this.actor?.kind !== 'person') throw signInFirst();
    return this.actor;
  }

  /** The signed-in person, or null. */
  get personOrNull(): Person | null {
    return this.actor?.kind === 'person' ? this.actor : null;
  }

  /** Whether a signed-in person holds one of these roles (a system actor holds none). */
  hasRole(...roles: Role[]): boolean {
    const person = this.personOrNull;
    return !!person && roles.some((role) => person.roles.has(role));
  }

  /**
   * The same request and transaction, signed by a named system actor: for what an anonymous caller
   * may set going (a guest buyer confirming her parcel arrived) where a record must name who acted.
   */
  asSystem(name: SystemActorName): RequestContext {
    return new RequestContext({ kind: 'system', name, displayName: SYSTEM_ACTORS[name] }, this.requestId, this.transaction);
  }

  /** The same caller inside an open transaction. */
  inTransaction(manager: EntityManager): RequestContext {
    return new RequestContext(this.actor, this.requestId, manager);
  }
}
