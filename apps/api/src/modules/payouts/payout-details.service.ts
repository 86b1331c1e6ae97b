import { Injectable } from '@nestjs/common';
import { ACCOUNT_HOLDER_NAME_LENGTH, BANK_ACCOUNT_DIGITS, PAYOUT_DETAILS_HOLD_HOURS, isAccountHolderName, normalizeIndonesianPhone, within } from '@karya-ibu/types/rules';
import { notYours } from '../../common/auth/auth.decorators.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { Role } from '../accounts/models/role.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { PayoutMethod } from '../ledger/models/ledger.enums.js';
import { MoneyAccessService } from '../ledger/money-access.service.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SellerAccessService } from '../sellers/seller-access.service.js';
import { bankByCode, BANKS } from './banks.js';
import type { SetPayoutDetailsInput } from './dto/payout.inputs.js';
import { PayoutDetailsEntity } from './entities/payout-details.entity.js';
import { maskNumber, toPayoutDetailsModel, type Bank, type PayoutDetails } from './models/payout.model.js';

type Destination = Pick<PayoutDetailsEntity, 'method' | 'bankCode' | 'accountNumber' | 'accountHolderName' | 'ewalletProvider' | 'ewalletNumber'>;

/** Where her money goes. Only she, or an admin (audited), sets it; a change tells her and holds her payouts for a day. */
@Injectable()
export class PayoutDetailsService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: SellerAccessService,
    private readonly money: MoneyAccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  banks(): Bank[] {
    return [...BANKS];
  }

  /** Her details, for whoever may see her money; the numbers in full only for her, admins and finance. */
  async payoutDetails(ctx: RequestContext, sellerId: string | null): Promise<PayoutDetails | null> {
    const seller = await this.money.readableSeller(ctx, sellerId);
    const entity = await this.db.getRepository(ctx, PayoutDetailsEntity).findOneBy({ sellerId: seller.id });
    const showNumbers = seller.userId === ctx.person.userId || ctx.hasRole(Role.ADMIN, Role.FINANCE);
    return entity ? toPayoutDetailsModel(entity, showNumbers) : null;
  }

  /** By seller, for a payout run (inside its transaction). */
  async findBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, PayoutDetailsEntity>> {
    if (sellerIds.length === 0) return new Map();
    const rows = await this.db.rows(ctx, PayoutDetailsEntity, 'SELECT * FROM payout_details WHERE seller_id = ANY($1)', [sellerIds]);
    return new Map(rows.map((row) => [row.sellerId, row]));
  }

  async setPayoutDetails(ctx: RequestContext, input: SetPayoutDetailsInput): Promise<PayoutDetails | InvalidInputError> {
    const acting = await this.access.actingSeller(ctx, input.sellerId);
    // A pendamping helps with her shop, never with where her money goes.
    if (acting.onBehalf && !ctx.hasRole(Role.ADMIN)) throw notYours();
    const destination = validDestination(input);
    if (destination instanceof InvalidInputError) return destination;
    const repository = this.db.getRepository(ctx, PayoutDetailsEntity);
    const sellerId = acting.seller.id;
    const before = await repository.findOne({ where: { sellerId }, lock: { mode: 'pessimistic_write' } });
    if (before && sameDestination(before, destination)) return toPayoutDetailsModel(before, true);
    const now = new Date();
    const saved = await repository.save(
      repository.create({ ...(before ?? {}), sellerId, ...destination, changedAt: now, payoutsHeldUntil: new Date(now.getTime() + PAYOUT_DETAILS_HOLD_HOURS * 3_600_000), changedByUserId: ctx.person.userId }),
    );
    await this.audit.recordForSeller(ctx, acting, { action: 'PAYOUT_DETAILS_SET', subjectType: 'PayoutDetails', subjectId: sellerId, before: before ? summary(before) : null, after: summary(saved) });
    await this.notifications.enqueue(ctx, {
      channel: OutboxChannel.WHATSAPP,
      recipient: acting.seller.whatsappNumber,
      body:
        `Karya Ibu: data pencairan uang Anda diubah menjadi ${describe(saved)}${acting.onBehalf ? ' oleh admin' : ''}. ` +
        `Demi keamanan, pencairan ditahan ${PAYOUT_DETAILS_HOLD_HOURS} jam. Jika bukan Anda yang mengubah, segera hubungi pendamping atau admin Karya Ibu.`,
    });
    return toPayoutDetailsModel(saved, true);
  }
}

function validDestination(input: SetPayoutDetailsInput): Destination | InvalidInputError {
  const none = { bankCode: null, accountNumber: null, accountHolderName: null, ewalletProvider: null, ewalletNumber: null };
  if (input.method === PayoutMethod.CASH_VIA_PENDAMPING) return { method: input.method, ...none };
  const holder = (input.accountHolderName ?? '').trim().replace(/\s+/g, ' ');
  const { min, max } = ACCOUNT_HOLDER_NAME_LENGTH;
  if (!holder) return new InvalidInputError('input.accountHolderName', 'REQUIRED', 'The name on the account is required');
  if (!within(holder.length, ACCOUNT_HOLDER_NAME_LENGTH)) return new InvalidInputError('input.accountHolderName', holder.length < min ? 'TOO_SHORT' : 'TOO_LONG', `${min} to ${max} characters`, { min, max });
  if (!isAccountHolderName(holder)) return new InvalidInputError('input.accountHolderName', 'BAD_FORMAT', 'Letters, spaces and . , \' - only');
  if (input.method === PayoutMethod.BANK_TRANSFER) {
    if (!input.bankCode) return new InvalidInputError('input.bankCode', 'REQUIRED', 'Choose a bank');
    if (!bankByCode(input.bankCode)) return new InvalidInputError('input.bankCode', 'UNKNOWN_OPTION', 'Not a bank of the list (payoutBanks)');
    const digits = (input.accountNumber ?? '').replace(/[\s-]/g, '');
    if (!digits) return new InvalidInputError('input.accountNumber', 'REQUIRED', 'The account number is required');
    if (!/^\d+$/.test(digits)) return new InvalidInputError('input.accountNumber', 'BAD_FORMAT', 'Digits only');
    if (!within(digits.length, BANK_ACCOUNT_DIGITS)) return new InvalidInputError('input.accountNumber', digits.length < BANK_ACCOUNT_DIGITS.min ? 'TOO_SHORT' : 'TOO_LONG', `${BANK_ACCOUNT_DIGITS.min} to ${BANK_ACCOUNT_DIGITS.max} digits`, BANK_ACCOUNT_DIGITS);
    return { method: input.method, ...none, bankCode: input.bankCode, accountNumber: digits, accountHolderName: holder };
  }
  if (!input.ewalletProvider) return new InvalidInputError('input.ewalletProvider', 'REQUIRED', 'Choose GoPay, OVO, DANA or ShopeePay');
  if (!input.ewalletNumber) return new InvalidInputError('input.ewalletNumber', 'REQUIRED', 'The phone number of the e-wallet is required');
  const phone = normalizeIndonesianPhone(input.ewalletNumber);
  if (!phone) return new InvalidInputError('input.ewalletNumber', 'BAD_FORMAT', 'An Indonesian mobile number, e.g. 0812 3456 7890');
  return { method: input.method, ...none, ewalletProvider: input.ewalletProvider, ewalletNumber: phone, accountHolderName: holder };
}

const sameDestination = (a: Destination, b: Destination) => (['method', 'bankCode', 'accountNumber', 'accountHolderName', 'ewalletProvider', 'ewalletNumber'] as const).every((field) => a[field] === b[field]);

/** For the audit trail: never the full number. */
const summary = (d: Destination) => ({ method: d.method, bankCode: d.bankCode, account: maskNumber(d.accountNumber ?? d.ewalletNumber), accountHolderName: d.accountHolderName, ewalletProvider: d.ewalletProvider });

function describe(d: Destination): string {
  if (d.method === PayoutMethod.CASH_VIA_PENDAMPING) return 'uang tunai melalui pendamping';
  if (d.method === PayoutMethod.BANK_TRANSFER) return `${bankByCode(d.bankCode)?.name ?? d.bankCode} ${maskNumber(d.accountNumber)} a.n. ${d.accountHolderName}`;
  return `${d.ewalletProvider} ${maskNumber(d.ewalletNumber)}`;
}
