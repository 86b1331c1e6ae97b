import { DomainModule } from '../../common/domain-module.js';
import { PaymentEntity } from './entities/payment.entity.js';
import { RefundEntity } from './entities/refund.entity.js';
import { StripeEventEntity } from './entities/stripe-event.entity.js';
import { PaymentRepository } from './payment.repository.js';
import { PaymentsService } from './payments.service.js';
import { StripeWebhookController } from './stripe-webhook.controller.js';

/** Card payments through Stripe Checkout and its webhooks, bank transfers, cash on delivery, refunds. */
@DomainModule({
  entities: [PaymentEntity, RefundEntity, StripeEventEntity],
  controllers: [StripeWebhookController],
  providers: [PaymentRepository, PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
