import type { RequestContext } from '../../common/context/request-context.js';

/** The pg-boss queue of an order's timers: expiry at its deadline, delivery and completion after their waits. */
export const ORDER_TIMERS = 'order-timers';

/** The pg-boss queue that finishes a refund its request could not (the process died, Stripe was out of reach). */
export const REFUNDS_TO_FINISH = 'order-refunds';

/** When a refund's job first looks: the request has finished it by then, as a rule. */
export const REFUND_FINISH_DELAY_MS = 15_000;

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
