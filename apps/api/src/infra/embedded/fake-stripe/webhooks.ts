import { createHmac } from 'node:crypto';
import { newId } from './objects.js';

/** How long and how often a delivery is retried while the endpoint answers non-2xx or cannot be reached. */
export interface RetryPolicy {
  firstDelayMs: number;
  /** The delay doubles after each failed attempt up to this. */
  maxDelayMs: number;
  /** Stripe keeps trying for three days; a test server for an hour by default. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 1000, maxDelayMs: 60_000, giveUpAfterMs: 3_600_000 };

export interface DeliveryAttempt {
  at: string;
  /** The endpoint's HTTP status, null when it could not be reached. */
  status: number | null;
  error?: string;
}

export interface Delivery {
  id: string;
  event: string;
  type: string;
  /** Made by POST /_test/events/:id/resend rather than by the event itself. */
  resend: boolean;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}

/** `Stripe-Signature` exactly as Stripe makes it: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed with the whole whsec_ secret>. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * Sends events to one webhook endpoint. The first attempts of one stream (a Checkout Session and what
 * follows from it) go out one after another in the order the events happened; a failed delivery is
 * retried later with backoff without holding up the next one, so the receiver may well get them out
 * of order, as from Stripe.
 */
export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  private readonly streams = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly endpoint: { url: string; secret: string } | null,
    private readonly retry: RetryPolicy,
    private readonly log: (line: string) => void,
    private readonly onDelivered: (eventId: string) => void,
  ) {}

  get enabled(): boolean {
    return this.endpoint !== null;
  }

  get url(): string | null {
    return this.endpoint?.url ?? null;
  }

  send(event: { id: string; type: string }, payload: string, stream: string): void {
    if (!this.endpoint) return;
    const delivery = this.record(event, false);
    const next = (this.streams.get(stream) ?? Promise.resolve()).then(() => this.attempt(delivery, payload));
    this.streams.set(stream, next);
    void next.finally(() => {
      if (this.streams.get(stream) === next) this.streams.delete(stream);
    });
  }

  /** Delivers again now, beside whatever else is going out; resolves after the first attempt. */
  async resend(event: { id: string; type: string }, payload: string): Promise<Delivery> {
    if (!this.endpoint) throw new Error('This account has no webhook endpoint');
    const delivery = this.record(event, true);
    await this.attempt(delivery, payload);
    return delivery;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private record(event: { id: string; type: string }, resend: boolean): Delivery {
    const delivery: Delivery = { id: newId('wd'), event: event.id, type: event.type, resend, state: 'pending', attempts: [] };
    this.deliveries.push(delivery);
    return delivery;
  }

  private async attempt(delivery: Delivery, payload: string): Promise<void> {
    if (this.stopped || !this.endpoint) return;
    const attempt: DeliveryAttempt = { at: new Date().toISOString(), status: null };
    try {
      const response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload, this.endpoint.secret),
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      attempt.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      // fetch says only "fetch failed"; why (ECONNREFUSED, a timeout) is in its cause. Duck-typed: errors may come from another realm.
      const { message, cause } = error as { message?: string; cause?: { message?: string } };
      attempt.error = cause?.message ?? message ?? String(error);
    }
    delivery.attempts.push(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      delivery.state = 'delivered';
      this.onDelivered(delivery.event);
      return;
    }
    const outcome = attempt.status === null ? attempt.error : `HTTP ${attempt.status}`;
    if (Date.now() - Date.parse(delivery.attempts[0].at) >= this.retry.giveUpAfterMs) {
      delivery.state = 'failed';
      this.log(`Stripe test server: gave up delivering ${delivery.type} ${delivery.event} to ${this.endpoint.url} after ${delivery.attempts.length} attempts (${outcome})`);
      return;
    }
    const delay = Math.min(this.retry.firstDelayMs * 2 ** (delivery.attempts.length - 1), this.retry.maxDelayMs);
    if (delivery.attempts.length === 1) this.log(`Stripe test server: ${delivery.type} ${delivery.event} to ${this.endpoint.url} failed (${outcome}); retrying with backoff`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, payload);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}
