import type { RequestContext } from '../../common/context/request-context.js';

/** The pg-boss queue of an order's timers: expiry at its deadline, delivery and completion after their waits. */
export const ORDER_TIMERS = 'order-timers';

export interface OrderTimer {
  kind: 'expire' | 'deliver' | 'complete';
  id: string;
}

/** How an event names who made it: a person by her account, the system by name. */
export const eventActor = (ctx: RequestContext, onBehalf: boolean) => {
  const actor = ctx.actor;
  if (!actor) return { actorUserId: null, actorSystem: null, actorName: 'Pembeli (tamu)', onBehalf: false };
  return actor.kind === 'person'
    ? { actorUserId: actor.userId, actorSystem: null, actorName: actor.displayName, onBehalf }
    : { actorUserId: null, actorSystem: actor.name, actorName: actor.displayName, onBehalf: false };
};
