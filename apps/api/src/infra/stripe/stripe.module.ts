import { Global, Module, type DynamicModule } from '@nestjs/common';
import Stripe from 'stripe';
import type { StripeConfig } from '../../config/env.js';
import { createStripeClient } from './stripe-client.js';

/** Provides the configured SDK client: inject `Stripe`. */
@Global()
@Module({})
export class StripeModule {
  static forRoot(config: StripeConfig): DynamicModule {
    return { module: StripeModule, providers: [{ provide: Stripe, useValue: createStripeClient(config) }], exports: [Stripe] };
  }
}
