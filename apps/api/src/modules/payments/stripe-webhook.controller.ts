import { BadRequestException, Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { PaymentsService, WebhookSignatureError } from './payments.service.js';

/** Stripe's webhook endpoint (REST, raw body): 400 for a bad signature, 200 once handled (or a replay), 5xx makes Stripe retry. */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('stripe')
  @HttpCode(200)
  async receive(@Req() req: RawBodyRequest<{ rawBody?: Buffer }>, @Headers('stripe-signature') signature: string | undefined): Promise<{ received: true; outcome: string }> {
    if (!req.rawBody) throw new BadRequestException('A webhook needs its raw body');
    try {
      return { received: true, outcome: await this.payments.handleWebhook(req.rawBody, signature) };
    } catch (error) {
      if (error instanceof WebhookSignatureError) throw new BadRequestException('Invalid Stripe-Signature');
      throw error;
    }
  }
}
