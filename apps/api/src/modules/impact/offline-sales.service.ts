import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { SellerAccessService } from '../sellers/seller-access.service.js';
import type { OfflineSaleInput } from './dto/offline-sale.input.js';
import type { OfflineSaleEntity } from './entities/offline-sale.entity.js';
import { ImpactNotFoundError, RecordLockedError } from './impact.errors.js';
import { ImpactRepository } from './impact.repository.js';
import { witaDateOf } from './impact-math.js';
import { EDITABLE_DAYS, RemovedOfflineSale, toOfflineSaleModel, type OfflineSale } from './models/impact-records.model.js';

/** One offline sale at most this much (a batik course's bazaar stall does not sell Rp 100 juta in a day). */
export const MAX_OFFLINE_SALE_IDR = 100_000_000n;
export const OFFLINE_NOTE_MAX_LENGTH = 500;
/** How far back a sale may be recorded (a notebook of last year's sales is still worth having). */
const MAX_DAYS_BACK = 400;

const subject = (sale: { id: string }) => ({ subjectType: 'OFFLINE_SALE', subjectId: sale.id });
const audited = (sale: OfflineSaleEntity) => ({ soldOn: sale.soldOn, amountIdr: sale.amountIdr.toString(), channel: sale.channel, note: sale.note });

/**
 * Sales outside the marketplace, recorded by the seller or her pendamping (self-reported): audited
 * ("dibantu oleh"), correctable for 7 days, then kept as they are.
 */
@Injectable()
export class OfflineSalesService {
  constructor(
    private readonly repository: ImpactRepository,
    private readonly access: SellerAccessService,
    private readonly audit: AuditService,
  ) {}

  /** The input's problem, or null; `soldOn` may not be in the future (WITA) nor more than 400 days back. */
  private problem(input: OfflineSaleInput, now: Date): InvalidInputError | null {
    const today = witaDateOf(now);
    const earliest = witaDateOf(new Date(now.getTime() - MAX_DAYS_BACK * 86_400_000));
    if (input.soldOn > today) return new InvalidInputError('input.soldOn', 'OUT_OF_RANGE', 'The sale cannot be in the future');
    if (input.soldOn < earliest) return new InvalidInputError('input.soldOn', 'OUT_OF_RANGE', `At most ${MAX_DAYS_BACK} days back`, { max: MAX_DAYS_BACK });
    if (input.amountIdr < 1n || input.amountIdr > MAX_OFFLINE_SALE_IDR) return new InvalidInputError('input.amountIdr', 'OUT_OF_RANGE', 'Between Rp 1 and Rp 100.000.000', { min: 1, max: Number(MAX_OFFLINE_SALE_IDR) });
    if ((input.note ?? '').trim().length > OFFLINE_NOTE_MAX_LENGTH) return new InvalidInputError('input.note', 'TOO_LONG', `At most ${OFFLINE_NOTE_MAX_LENGTH} characters`, { max: OFFLINE_NOTE_MAX_LENGTH });
    return null;
  }

  async recordOfflineSale(ctx: RequestContext, input: OfflineSaleInput, now = new Date()): Promise<OfflineSale | InvalidInputError> {
    const acting = await this.access.actingSeller(ctx, input.sellerId);
    const problem = this.problem(input, now);
    if (problem) return problem;
    const person = ctx.person;
    const sale = await this.repository.saveOfflineSale(ctx, {
      sellerId: acting.seller.id,
      soldOn: input.soldOn,
      amountIdr: input.amountIdr,
      channel: input.channel,
      note: input.note?.trim() || null,
      recordedByUserId: person.userId,
      recordedByName: person.displayName,
      onBehalf: acting.onBehalf,
      isDemo: false,
    });
    await this.audit.recordForSeller(ctx, acting, { action: 'OFFLINE_SALE_RECORDED', ...subject(sale), before: null, after: audited(sale) });
    return toOfflineSaleModel(sale);
  }

  /** The sale under its row lock, if the caller may act for its seller and it is still correctable. */
  private async editable(ctx: RequestContext, id: string, now: Date) {
    const sale = isUuid(id) ? await this.repository.findOfflineSaleForUpdate(ctx, id) : null;
    if (!sale) return new ImpactNotFoundError('OFFLINE_SALE');
    // Someone else's sale: FORBIDDEN, as for her products.
    const acting = await this.access.actingSeller(ctx, sale.sellerId);
    const until = new Date(sale.createdAt.getTime() + EDITABLE_DAYS * 86_400_000);
    if (now > until) return new RecordLockedError(until);
    return { sale, acting };
  }

  async updateOfflineSale(ctx: RequestContext, id: string, input: OfflineSaleInput, now = new Date()): Promise<OfflineSale | InvalidInputError | ImpactNotFoundError | RecordLockedError> {
    const found = await this.editable(ctx, id, now);
    if (!('sale' in found)) return found;
    const problem = this.problem(input, now);
    if (problem) return problem;
    const before = audited(found.sale);
    Object.assign(found.sale, { soldOn: input.soldOn, amountIdr: input.amountIdr, channel: input.channel, note: input.note?.trim() || null });
    const saved = await this.repository.saveOfflineSale(ctx, found.sale);
    await this.audit.recordForSeller(ctx, found.acting, { action: 'OFFLINE_SALE_CORRECTED', ...subject(saved), before, after: audited(saved) });
    return toOfflineSaleModel(saved);
  }

  async removeOfflineSale(ctx: RequestContext, id: string, now = new Date()): Promise<RemovedOfflineSale | ImpactNotFoundError | RecordLockedError> {
    const found = await this.editable(ctx, id, now);
    if (!('sale' in found)) return found;
    await this.repository.removeOfflineSale(ctx, found.sale.id);
    await this.audit.recordForSeller(ctx, found.acting, { action: 'OFFLINE_SALE_REMOVED', ...subject(found.sale), before: audited(found.sale), after: null });
    return Object.assign(new RemovedOfflineSale(), { id: found.sale.id });
  }

  async recentOfflineSales(ctx: RequestContext, sellerId: string, first = 50): Promise<OfflineSale[]> {
    return (await this.repository.recentOfflineSales(ctx, sellerId, first)).map(toOfflineSaleModel);
  }
}
