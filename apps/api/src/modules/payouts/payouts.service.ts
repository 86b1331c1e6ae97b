import { Injectable } from '@nestjs/common';
import { DEFAULT_PAYOUT_MINIMUM_IDR, PAYOUT_REASON_LENGTH, PAYOUT_REFERENCE_LENGTH, within, type Bounds } from '@karya-ibu/types/rules';
import { formatRupiah } from '@karya-ibu/types/money';
import { notYours } from '../../common/auth/auth.decorators.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { PayoutMethod } from '../ledger/models/ledger.enums.js';
import type { PayoutFact } from '../ledger/postings.js';
import { MediaService } from '../media/media.service.js';
import type { PhotoUpload } from '../media/dto/photo-upload.model.js';
import type { PhotoFileError } from '../media/media.errors.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SellerAccessService } from '../sellers/seller-access.service.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { bankByCode } from './banks.js';
import type { CreatePayoutRunInput } from './dto/payout.inputs.js';
import { PayoutRunEntity } from './entities/payout-run.entity.js';
import { PayoutEntity } from './entities/payout.entity.js';
import { PayoutStatus } from './models/payout.enums.js';
import { NothingToPayError, PayoutNotAllowedError, PayoutNotFoundError, toPayoutModel, toPayoutRunModel, type Payout, type PayoutRun } from './models/payout.model.js';
import { PayoutDetailsService } from './payout-details.service.js';
import { PayoutProvider } from './payout-provider.js';
import { payoutTransition } from './payout-status.js';
import { bankFileCsv } from './payouts-csv.js';

const MAX_MINIMUM_IDR = 1_000_000_000n;

const textProblem = (field: string, value: string, bounds: Bounds): InvalidInputError | null => {
  if (!value) return new InvalidInputError(field, 'REQUIRED', 'Required');
  if (!within(value.length, bounds)) return new InvalidInputError(field, value.length < bounds.min ? 'TOO_SHORT' : 'TOO_LONG', `${bounds.min} to ${bounds.max} characters`, bounds);
  return null;
};

/**
 * Payout runs and what follows them. A run reserves every payable balance in one transaction under
 * each seller's ledger lock (a crash leaves all of it or none; two runs never reserve the same money);
 * marking paid or failed is idempotent, and each step posts to the ledger in the same transaction.
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly ledger: LedgerService,
    private readonly details: PayoutDetailsService,
    private readonly sellers: SellerDirectoryService,
    private readonly access: SellerAccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly media: MediaService,
    private readonly provider: PayoutProvider,
  ) {}

  /**
   * Pays every seller (or those named) whose available balance is at least the minimum, whose payout
   * details are set and not on hold, and who has no payout still pending: one payout each, her
   * available money reserved. Call inside a transaction (the mutation's).
   */
  async createPayoutRun(ctx: RequestContext, input: CreatePayoutRunInput): Promise<PayoutRun | NothingToPayError | InvalidInputError> {
    const minimum = input.minimumIdr ?? DEFAULT_PAYOUT_MINIMUM_IDR;
    if (minimum < 1n || minimum > MAX_MINIMUM_IDR) return new InvalidInputError('input.minimumIdr', 'OUT_OF_RANGE', `Rp 1 to ${formatRupiah(MAX_MINIMUM_IDR)}`, { min: 1 });
    if (input.sellerIds && !input.sellerIds.every(isUuid)) return new InvalidInputError('input.sellerIds', 'BAD_FORMAT', 'Seller ids are uuids');
    const candidates = await this.ledger.sellersWithAvailable(ctx, minimum, input.sellerIds ?? null);
    const details = await this.details.findBySellerIds(ctx, candidates);
    const now = new Date();
    const ready = candidates.filter((id) => details.has(id) && details.get(id)!.payoutsHeldUntil <= now);
    // From here her balance cannot change under us: a concurrent run waits, then finds her money reserved.
    await this.ledger.lockSellers(ctx, ready);
    const balances = await this.ledger.balances(ctx, ready, now);
    const pending = new Set((await this.db.rows(ctx, PayoutEntity, `SELECT * FROM payouts WHERE status = 'PENDING' AND seller_id = ANY($1)`, [ready])).map((p) => p.sellerId));
    const payable = ready.filter((id) => balances.get(id)!.availableIdr >= minimum && !pending.has(id));
    if (payable.length === 0) return new NothingToPayError(minimum);

    const person = ctx.person;
    const runs = this.db.getRepository(ctx, PayoutRunEntity);
    const total = payable.reduce((sum, id) => sum + balances.get(id)!.availableIdr, 0n);
    const run = await runs.save(runs.create({ minimumIdr: minimum, totalIdr: total, payoutCount: payable.length, createdByUserId: person.userId, createdByName: person.displayName }));
    const payouts = this.db.getRepository(ctx, PayoutEntity);
    const saved: PayoutEntity[] = [];
    for (const [index, sellerId] of payable.entries()) {
      const destination = details.get(sellerId)!;
      const payout = await payouts.save(
        payouts.create({
          runId: run.id,
          sellerId,
          amountIdr: balances.get(sellerId)!.availableIdr,
          reference: `KI-${run.number}-${index + 1}`,
          status: PayoutStatus.PENDING,
          method: destination.method,
          bankCode: destination.bankCode,
          accountNumber: destination.accountNumber,
          accountHolderName: destination.accountHolderName,
          ewalletProvider: destination.ewalletProvider,
          ewalletNumber: destination.ewalletNumber,
        }),
      );
      await this.ledger.postPayoutReserved(ctx, this.fact(payout, now, null));
      saved.push(payout);
    }
    await this.db.afterCommit(ctx, () => this.provider.submit(ctx, saved.map((p) => ({ ...p, payoutId: p.id }))));
    return toPayoutRunModel(run);
  }

  async runs(ctx: RequestContext, first: number): Promise<PayoutRun[]> {
    return (await this.db.getRepository(ctx, PayoutRunEntity).find({ order: { createdAt: 'DESC', number: 'DESC' }, take: first })).map(toPayoutRunModel);
  }

  async payoutsByRunIds(ctx: RequestContext, runIds: readonly string[]): Promise<Map<string, Payout[]>> {
    const grouped = new Map<string, Payout[]>(runIds.map((id) => [id, []]));
    for (const payout of await this.db.rows(ctx, PayoutEntity, 'SELECT * FROM payouts WHERE run_id = ANY($1) ORDER BY created_at, reference', [runIds])) grouped.get(payout.runId)!.push(toPayoutModel(payout));
    return grouped;
  }

  /** Her payouts, newest first (her balance page). */
  async payoutsOfSeller(ctx: RequestContext, sellerId: string, first: number): Promise<Payout[]> {
    return (await this.db.getRepository(ctx, PayoutEntity).find({ where: { sellerId }, order: { createdAt: 'DESC' }, take: first })).map(toPayoutModel);
  }

  /** The run's bank transfer file: its bank-transfer payouts still to send (e-wallet and cash payouts are paid otherwise). */
  async bankFile(ctx: RequestContext, runId: string): Promise<string | null> {
    if (!isUuid(runId) || !(await this.db.getRepository(ctx, PayoutRunEntity).existsBy({ id: runId }))) return null;
    const payouts = await this.db.rows(ctx, PayoutEntity, `SELECT * FROM payouts WHERE run_id = $1 AND method = 'BANK_TRANSFER' AND status = 'PENDING' ORDER BY created_at, reference`, [runId]);
    return bankFileCsv(payouts.map((p) => ({ bankCode: p.bankCode!, accountNumber: p.accountNumber!, accountHolderName: p.accountHolderName!, amountIdr: p.amountIdr, reference: p.reference })));
  }

  /** Sent (bank or e-wallet), with the transfer's reference. The same call again answers the same; a failed payout is never paid. */
  async markPayoutPaid(ctx: RequestContext, payoutId: string, reference: string): Promise<Payout | PayoutNotFoundError | PayoutNotAllowedError | InvalidInputError> {
    const cleanReference = reference.trim();
    const invalid = textProblem('reference', cleanReference, PAYOUT_REFERENCE_LENGTH);
    if (invalid) return invalid;
    const payout = await this.lockedPayout(ctx, payoutId);
    if (!payout) return new PayoutNotFoundError(payoutId);
    if (payout.method === PayoutMethod.CASH_VIA_PENDAMPING) return new PayoutNotAllowedError(payout.status, 'A cash payout is paid when her pendamping records the hand-over');
    const transition = payoutTransition(payout.status, 'PAID');
    if (transition.kind === 'REFUSED') return new PayoutNotAllowedError(payout.status, transition.reason);
    if (transition.kind === 'REPEAT') return payout.transferReference === cleanReference ? toPayoutModel(payout) : new PayoutNotAllowedError(payout.status, `Already paid with reference ${payout.transferReference}`);
    const now = new Date();
    await this.ledger.postPayoutSent(ctx, this.fact(payout, now, cleanReference));
    const updated = await this.update(ctx, payout, { status: PayoutStatus.PAID, transferReference: cleanReference, paidAt: now });
    await this.tell(ctx, updated, 'PAYOUT_PAID', `Karya Ibu: uang ${formatRupiah(updated.amountIdr)} sudah dikirim ke ${destination(updated)} (ref ${updated.reference}). Terima kasih, Ibu!`);
    return toPayoutModel(updated);
  }

  /**
   * Not sent (FAILED), or returned by the bank after it was sent (RETURNED): either way the money is
   * back in her available balance for the next run. Again on a failed payout: answered as before.
   */
  async markPayoutFailed(ctx: RequestContext, payoutId: string, reason: string): Promise<Payout | PayoutNotFoundError | PayoutNotAllowedError | InvalidInputError> {
    const cleanReason = reason.trim();
    const invalid = textProblem('reason', cleanReason, PAYOUT_REASON_LENGTH);
    if (invalid) return invalid;
    const payout = await this.lockedPayout(ctx, payoutId);
    if (!payout) return new PayoutNotFoundError(payoutId);
    const transition = payoutTransition(payout.status, 'FAILED');
    if (transition.kind !== 'MOVE') return toPayoutModel(payout);
    const now = new Date();
    const fact = this.fact(payout, now, cleanReason);
    if (transition.to === PayoutStatus.RETURNED) await this.ledger.postPayoutReturned(ctx, fact);
    else await this.ledger.postPayoutCancelled(ctx, fact);
    const updated = await this.update(ctx, payout, { status: transition.to, failureReason: cleanReason, failedAt: now });
    await this.tell(ctx, updated, `PAYOUT_${transition.to}`, `Karya Ibu: pencairan ${formatRupiah(updated.amountIdr)} (ref ${updated.reference}) ${transition.to === PayoutStatus.RETURNED ? 'dikembalikan oleh bank' : 'gagal'}: ${cleanReason}. Uangnya kembali ke saldo Ibu dan ikut pencairan berikutnya. Periksa data pencairan Anda.`);
    return toPayoutModel(updated);
  }

  /** Where her pendamping PUTs the photo of the receipt she signed, before recordCashHandover. */
  async createCashReceiptUpload(ctx: RequestContext, payoutId: string, contentType: string, byteSize: number): Promise<PhotoUpload | PayoutNotFoundError | PayoutNotAllowedError | PhotoFileError> {
    const payout = isUuid(payoutId) ? await this.db.getRepository(ctx, PayoutEntity).findOneBy({ id: payoutId }) : null;
    if (!payout) return new PayoutNotFoundError(payoutId);
    await this.handingOver(ctx, payout);
    if (payout.method !== PayoutMethod.CASH_VIA_PENDAMPING || payout.status !== PayoutStatus.PENDING) return new PayoutNotAllowedError(payout.status, 'Only a pending cash payout is handed over');
    return this.media.createPrivateUpload(`receipts/${payout.id}`, contentType, byteSize);
  }

  /** Her pendamping handed her the cash, with the photo of the receipt she signed: the payout is sent. */
  async recordCashHandover(ctx: RequestContext, payoutId: string, receiptPhotoKey: string): Promise<Payout | PayoutNotFoundError | PayoutNotAllowedError | InvalidInputError | PhotoFileError> {
    const payout = await this.lockedPayout(ctx, payoutId);
    if (!payout) return new PayoutNotFoundError(payoutId);
    await this.handingOver(ctx, payout);
    if (payout.method !== PayoutMethod.CASH_VIA_PENDAMPING) return new PayoutNotAllowedError(payout.status, 'Not a cash payout');
    const transition = payoutTransition(payout.status, 'PAID');
    if (transition.kind === 'REFUSED') return new PayoutNotAllowedError(payout.status, transition.reason);
    if (transition.kind === 'REPEAT') return payout.receiptPhotoKey === receiptPhotoKey ? toPayoutModel(payout) : new PayoutNotAllowedError(payout.status, 'Already handed over with another receipt');
    const prefix = `receipts/${payout.id}/`;
    if (!receiptPhotoKey.startsWith(prefix) || !isUuid(receiptPhotoKey.slice(prefix.length))) return new InvalidInputError('receiptPhotoKey', 'BAD_FORMAT', 'Not an upload made for this payout (createCashReceiptUpload)');
    const problem = await this.media.uploadedPhotoProblem(receiptPhotoKey);
    if (problem) return problem;
    const now = new Date();
    await this.ledger.postPayoutSent(ctx, this.fact(payout, now, `Tunai oleh ${ctx.person.displayName}`));
    const updated = await this.update(ctx, payout, { status: PayoutStatus.PAID, paidAt: now, cashHandedOverByUserId: ctx.person.userId, receiptPhotoKey });
    await this.tell(ctx, updated, 'PAYOUT_CASH_HANDED_OVER', `Karya Ibu: ${ctx.person.displayName} menyerahkan uang tunai ${formatRupiah(updated.amountIdr)} (ref ${updated.reference}). Mohon konfirmasi penerimaannya di menu Uang saya.`);
    return toPayoutModel(updated);
  }

  /** She confirms, in her dashboard, the cash she was handed. Only she may; again: answered as before. */
  async confirmCashReceived(ctx: RequestContext, payoutId: string): Promise<Payout | PayoutNotFoundError | PayoutNotAllowedError> {
    const payout = await this.lockedPayout(ctx, payoutId);
    const mine = await this.sellers.mySeller(ctx);
    // Someone else's payout is not hers to know about.
    if (!payout || payout.sellerId !== mine?.id) return new PayoutNotFoundError(payoutId);
    if (payout.method !== PayoutMethod.CASH_VIA_PENDAMPING || payout.status !== PayoutStatus.PAID) return new PayoutNotAllowedError(payout.status, 'Only cash already handed over is confirmed');
    if (payout.cashReceivedAt) return toPayoutModel(payout);
    const updated = await this.update(ctx, payout, { cashReceivedAt: new Date() });
    await this.audit.recordForSeller(ctx, { seller: { id: payout.sellerId }, onBehalf: false }, { action: 'PAYOUT_CASH_RECEIVED', subjectType: 'Payout', subjectId: payout.id, before: null, after: { reference: payout.reference } });
    return toPayoutModel(updated);
  }

  /** The receipt photo, for her, her pendamping, admins and finance. */
  receiptUrl(key: string): Promise<string> {
    return this.media.privatePhotoUrl(key);
  }

  /** Payouts by id (reconciliation). */
  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<PayoutEntity[]> {
    return ids.length ? this.db.rows(ctx, PayoutEntity, 'SELECT * FROM payouts WHERE id = ANY($1)', [ids]) : [];
  }

  async createdBetween(ctx: RequestContext, from: Date, to: Date): Promise<PayoutEntity[]> {
    return this.db.rows(ctx, PayoutEntity, 'SELECT * FROM payouts WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at', [from, to]);
  }

  /** Only a pendamping of her kampung KB (or an admin) hands her cash over. */
  private async handingOver(ctx: RequestContext, payout: PayoutEntity): Promise<void> {
    const acting = await this.access.actingSeller(ctx, payout.sellerId);
    if (!acting.onBehalf || !ctx.hasRole(Role.PENDAMPING, Role.ADMIN)) throw notYours();
  }

  private async lockedPayout(ctx: RequestContext, payoutId: string): Promise<PayoutEntity | null> {
    if (!isUuid(payoutId)) return null;
    return this.db.getRepository(ctx, PayoutEntity).findOne({ where: { id: payoutId }, lock: { mode: 'pessimistic_write' } });
  }

  private async update(ctx: RequestContext, payout: PayoutEntity, changes: Partial<PayoutEntity>): Promise<PayoutEntity> {
    await this.db.getRepository(ctx, PayoutEntity).update({ id: payout.id }, changes);
    return { ...payout, ...changes };
  }

  private fact(payout: PayoutEntity, at: Date, memo: string | null): PayoutFact {
    return { payoutId: payout.id, sellerId: payout.sellerId, amountIdr: payout.amountIdr, method: payout.method, at, memo };
  }

  /** Audited on her history, and told to her on WhatsApp (outbox). */
  private async tell(ctx: RequestContext, payout: PayoutEntity, action: string, body: string): Promise<void> {
    await this.audit.recordForSeller(ctx, { seller: { id: payout.sellerId }, onBehalf: true }, { action, subjectType: 'Payout', subjectId: payout.id, before: null, after: { reference: payout.reference, status: payout.status, amountIdr: payout.amountIdr.toString() } });
    const seller = (await this.sellers.findByIds(ctx, [payout.sellerId])).get(payout.sellerId);
    if (seller) await this.notifications.enqueue(ctx, { channel: OutboxChannel.WHATSAPP, recipient: seller.whatsappNumber, body });
  }
}

function destination(payout: PayoutEntity): string {
  if (payout.method === PayoutMethod.BANK_TRANSFER) return `${bankByCode(payout.bankCode)?.name ?? payout.bankCode} •••• ${payout.accountNumber?.slice(-4)}`;
  if (payout.method === PayoutMethod.EWALLET) return `${payout.ewalletProvider} •••• ${payout.ewalletNumber?.slice(-4)}`;
  return 'Ibu (tunai)';
}
