import { Injectable } from '@nestjs/common';
import { RateLimits, type WindowLimit } from '../../common/rate-limit/rate-limits.js';

/** Failed look-ups of an order by code and phone, per client address and hour: codes and phones cannot be tried in bulk. */
export const ORDER_LOOKUP_FAILURES_PER_HOUR = 20;

@Injectable()
export class OrderLookupLimit {
  private readonly window: WindowLimit;

  constructor(limits: RateLimits) {
    this.window = limits.window('order_lookup', { points: ORDER_LOOKUP_FAILURES_PER_HOUR, seconds: 3600 });
  }

  /** Runs a look-up counted up front (parallel guesses get no more tries) and given back when it found the order. */
  async lookUp<T>(address: string, find: () => Promise<T | null>): Promise<T | null> {
    await this.window.consume({ address });
    const found = await find();
    if (found) await this.window.refund({ address });
    return found;
  }
}
