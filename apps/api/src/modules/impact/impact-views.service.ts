import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import { KampungService } from '../kampung/kampung.service.js';
import { ImpactService } from './impact.service.js';
import { addMonths, monthDiff, monthOfDate, monthsBetween, PUBLIC_MIN_CELL, suppressed, witaMonthOf } from './impact-math.js';
import { MarketplaceFacts } from './marketplace-facts.js';
import type { SaleSinceTraining } from './models/impact-records.model.js';
import type { ParticipantImpact, PublicImpact, PublicImpactRow } from './models/participant-impact.model.js';
import { OfflineSalesService } from './offline-sales.service.js';
import type { Participant } from './participants.service.js';
import { SurveysService } from './surveys.service.js';

const notFound = () => userError('NOT_FOUND', 'Peserta tidak ditemukan. (Participant not found.)');

/** One participant's page, the public aggregates, and the buyer's "penjualan ke-N". */
@Injectable()
export class ImpactViewsService {
  constructor(
    private readonly impact: ImpactService,
    private readonly offline: OfflineSalesService,
    private readonly surveys: SurveysService,
    private readonly marketplace: MarketplaceFacts,
    private readonly kampung: KampungService,
  ) {}

  /**
   * Her income after training, by source, for the last 12 months. Individual income: officers and
   * admins, the pendamping of her kampung KB, and she herself; anyone else is told she is not there.
   */
  async participantImpact(ctx: RequestContext, sellerId: string, today = new Date()): Promise<ParticipantImpact> {
    if (!isUuid(sellerId)) throw notFound();
    const to = witaMonthOf(today);
    const selection = await this.impact.select(ctx, { from: `${addMonths(to, -11)}-01`, to: `${to}-01` }, null, today);
    const lines = selection.set.participants.filter((p) => p.seller?.id === sellerId);
    const seller = lines[0]?.seller;
    if (!seller) throw notFound();
    const allowed =
      seller.userId === ctx.person.userId ||
      ctx.hasRole(Role.OFFICER, Role.ADMIN) ||
      (ctx.hasRole(Role.PENDAMPING) && (await this.kampung.isPendampingOf(ctx, ctx.person.userId, seller.kampungId)));
    if (!allowed) throw userError('FORBIDDEN', 'Hanya petugas DP3AKB, pendampingnya, dan ia sendiri yang dapat melihat penghasilannya. (Only DP3AKB officers, her pendamping and she herself may see her income.)');

    const facts = selection.facts.get(lines[0].key)!;
    const answered = new Map(lines.flatMap((p) => selection.facts.get(p.key)!.surveys.map((s) => [monthOfDate(s.dueOn), s.monthlyIncomeIdr] as const)));
    const months = monthsBetween(selection.period.from, selection.period.to).map((month) => ({
      month,
      marketplaceIdr: facts.marketplace.get(month)?.idr ?? 0n,
      orders: facts.marketplace.get(month)?.orders ?? 0,
      offlineIdr: facts.offline.get(month)?.idr ?? 0n,
      offlineSales: facts.offline.get(month)?.sales ?? 0,
      surveyIdr: answered.get(month) ?? null,
    }));
    const sorted = [...lines].sort((a, b) => a.program.endDate.localeCompare(b.program.endDate));
    return {
      sellerId: seller.id,
      displayName: seller.displayName,
      kampungName: selection.set.kampungs.get(seller.kampungId)?.name ?? '—',
      isDemo: seller.isDemo,
      marketplaceHasData: selection.marketplaceHasData,
      cohorts: sorted.map((p) => ({ trainingProgramId: p.program.id, title: p.program.title, endDate: p.program.endDate, monthsSinceTraining: Math.max(0, monthDiff(monthOfDate(p.program.endDate), to)), baselineIdr: p.baselineIdr })),
      months,
      marketplaceTotalIdr: months.reduce((sum, m) => sum + m.marketplaceIdr, 0n),
      offlineTotalIdr: months.reduce((sum, m) => sum + m.offlineIdr, 0n),
      orders: months.reduce((sum, m) => sum + m.orders, 0),
      productsListed: facts.productsListed,
      lastSaleOn: facts.lastSaleOn,
      offlineSales: await this.offline.recentOfflineSales(ctx, seller.id),
      surveys: await this.surveys.surveysOf(ctx, selection.set, sorted.flatMap((p) => (p.rosterEntryId ? [p.rosterEntryId] : []))),
    };
  }

  /** Cohort and kampung KB aggregates of the last 12 months for everyone: nothing about fewer than 5 people. */
  async publicImpact(ctx: RequestContext, today = new Date()): Promise<PublicImpact> {
    const selection = await this.impact.select(ctx, {}, null, today);
    const row = (name: string, subset: readonly Participant[]): PublicImpactRow => {
      const i = this.impact.indicatorsOf(selection, subset);
      return {
        name,
        participants: suppressed(i.participants, i.participants),
        sellersVerified: suppressed(i.sellersVerified, i.sellersVerified),
        activeSellers90: suppressed(i.activeSellers90, i.activeSellers90),
        salesMedianIdr: suppressed(i.salesMonthly.count, i.salesMonthly.median),
        // A total is about the people who sold: hidden when fewer than 5 did.
        salesTotalIdr: suppressed(i.rows.filter((r) => r.marketplaceIdr + r.offlineIdr > 0n).length, i.marketplaceTotalIdr + i.offlineTotalIdr),
        surveyUpliftMedianIdr: suppressed(i.surveyUplift.count, i.surveyUplift.median),
        surveyAnswers: suppressed(i.survey.count, i.survey.count),
      };
    };
    const { set, participants } = selection;
    return {
      from: selection.period.from,
      to: selection.period.to,
      minimumCell: PUBLIC_MIN_CELL,
      marketplaceHasData: selection.marketplaceHasData,
      total: row('Semua pelatihan', participants),
      cohorts: set.programs.map((program) => row(program.title, selection.lines.filter((p) => p.program.id === program.id))),
      kampungs: [...set.kampungs.values()]
        .map((k) => [k, participants.filter((p) => p.kampungId === k.id)] as const)
        .filter(([, subset]) => subset.length > 0)
        .map(([k, subset]) => row(k.name, subset))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** For the buyer's order confirmation; null when the marketplace knows no such seller order. */
  async saleSinceTraining(ctx: RequestContext, sellerOrderId: string): Promise<SaleSinceTraining | null> {
    if (!isUuid(sellerOrderId)) return null;
    const ordinal = await this.marketplace.saleOrdinal(ctx, sellerOrderId);
    if (!ordinal) return null;
    const set = await this.impact.select(ctx, {}, null);
    const first = set.participants.find((p) => p.seller?.id === ordinal.sellerId);
    return { sellerId: ordinal.sellerId, sellerName: first?.seller?.displayName ?? first?.name ?? '', ordinal: ordinal.ordinal, trainingTitle: first?.program.title ?? null };
  }
}
