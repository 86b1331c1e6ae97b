import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { KampungStatus } from '../kampung/models/kampung-status.enum.js';
import { KampungService } from '../kampung/kampung.service.js';
import type { ImpactFilterInput } from './dto/impact-filter.input.js';
import { ImpactRepository } from './impact.repository.js';
import { addMonths, differenceInDifferences, monthDiff, monthOfDate, phillipsRoi, witaDateOf, witaMonthOf, type Month, type Summary } from './impact-math.js';
import { asOfDate, computeIndicators, type Indicators, type ParticipantFacts, type Period, type SurveyAnswer } from './indicators.js';
import { MarketplaceFacts } from './marketplace-facts.js';
import type { ImpactGroupRow, ImpactReport, IncomeSummary } from './models/impact-report.model.js';
import { firstTrainingOfEach, isVerifiedSeller, ParticipantsService, type Participant, type ParticipantSet } from './participants.service.js';

/** Longest period one report covers. */
export const MAX_PERIOD_MONTHS = 36;
/** A difference in differences needs this many people with both figures in each group. */
export const DID_MIN_GROUP = 5;

export const ROI_CAVEAT =
  'Perbandingan sebelum–sesudah pelatihan, sebagian dilaporkan sendiri (penjualan offline, survei), tanpa kelompok kontrol: ' +
  'tidak semua kenaikan pasti karena pelatihan. Hanya penjualan di marketplace yang terverifikasi.';

/** A report's participants after the filter, with what was read about them. */
export interface Selection {
  filter: ImpactFilterInput;
  period: Period;
  today: Date;
  set: ParticipantSet;
  /** Every participant line the filter keeps (one per cohort a person took). */
  lines: Participant[];
  /** The people of the report: one cohort's lines, or each person once from her first training. */
  participants: Participant[];
  facts: Map<string, ParticipantFacts>;
  marketplaceHasData: boolean;
  groupMembers: Map<string, { name: string; sellerIds: Set<string> }>;
}

const toSummary = (summary: Summary): IncomeSummary => ({ ...summary });

@Injectable()
export class ImpactService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly repository: ImpactRepository,
    private readonly marketplace: MarketplaceFacts,
    private readonly catalog: CatalogService,
    private readonly kampung: KampungService,
  ) {}

  /** The period of a filter: its months, or the 12 months up to this one (WITA). */
  periodOf(filter: ImpactFilterInput, today: Date): Period {
    const to = filter.to ? monthOfDate(filter.to) : witaMonthOf(today);
    const from = filter.from ? monthOfDate(filter.from) : addMonths(to, -11);
    if (monthDiff(from, to) < 0) throw badInput('filter.to', 'Akhir periode sebelum awalnya. (The period ends before it starts.)');
    if (monthDiff(from, to) >= MAX_PERIOD_MONTHS) throw badInput('filter.from', `Periode paling lama ${MAX_PERIOD_MONTHS} bulan. (At most ${MAX_PERIOD_MONTHS} months.)`);
    return { from, to };
  }

  /**
   * Who the caller may see individually: every kampung for officers and admins, her own for a
   * pendamping (null: all). A filter outside her kampung is refused rather than silently emptied.
   */
  async visibleKampungIds(ctx: RequestContext, filter: ImpactFilterInput): Promise<string[] | null> {
    if (ctx.hasRole(Role.OFFICER, Role.ADMIN)) return null;
    const own = ctx.hasRole(Role.PENDAMPING) ? await this.kampung.pendampingKampungIds(ctx, ctx.person.userId) : [];
    if (filter.kampungId && !own.includes(filter.kampungId)) throw userError('FORBIDDEN', 'Anda hanya dapat melihat kampung KB yang Anda dampingi. (You may only see the kampung KB you assist.)');
    return own;
  }

  /** Reads everything a report needs, in a fixed number of queries whatever the number of participants. */
  async select(ctx: RequestContext, filter: ImpactFilterInput, scope: string[] | null, today = new Date()): Promise<Selection> {
    for (const field of ['trainingProgramId', 'kampungId', 'uppkaGroupId'] as const) {
      if (filter[field] != null && !isUuid(filter[field]!)) throw badInput(`filter.${field}`, 'Bukan id yang dikenal. (Not a known id.)');
    }
    const period = this.periodOf(filter, today);
    const set = await this.participants.load(ctx);
    if (filter.trainingProgramId && !set.programs.some((p) => p.id === filter.trainingProgramId)) throw badInput('filter.trainingProgramId', 'Pelatihan tidak ditemukan. (Training program not found.)');
    if (filter.kampungId && !set.kampungs.has(filter.kampungId)) throw badInput('filter.kampungId', 'Kampung KB tidak ditemukan. (Kampung KB not found.)');

    const groups = await this.repository.listGroups(ctx, null);
    const members = await this.repository.membersOf(ctx, groups.map((g) => g.id));
    const groupMembers = new Map(groups.map((g) => [g.id, { name: g.name, kampungId: g.kampungId, sellerIds: new Set(members.filter((m) => m.groupId === g.id).map((m) => m.sellerId)) }]));
    if (filter.uppkaGroupId && !groupMembers.has(filter.uppkaGroupId)) throw badInput('filter.uppkaGroupId', 'Kelompok UPPKA tidak ditemukan. (UPPKA group not found.)');

    const kecamatan = filter.kecamatan?.trim().toLowerCase() || null;
    const keep = (p: Participant) =>
      (!filter.kampungId || p.kampungId === filter.kampungId) &&
      (!kecamatan || set.kampungs.get(p.kampungId)?.kecamatan.toLowerCase() === kecamatan) &&
      (!filter.uppkaGroupId || (!!p.seller && groupMembers.get(filter.uppkaGroupId)!.sellerIds.has(p.seller.id))) &&
      (!scope || scope.includes(p.kampungId));
    const lines = set.participants.filter(keep);
    const participants = filter.trainingProgramId ? lines.filter((p) => p.program.id === filter.trainingProgramId) : firstTrainingOfEach(lines);
    // The comparison group's people are read too (same kampung, other cohorts).
    const facts = await this.factsFor(ctx, filter.trainingProgramId ? this.comparisonPool(set, participants, scope).concat(lines) : lines, period, today);
    return { filter, period, today, set, lines, participants, facts, marketplaceHasData: (await this.marketplace.status(ctx)).hasData, groupMembers };
  }

  private async factsFor(ctx: RequestContext, lines: readonly Participant[], period: Period, today: Date): Promise<Map<string, ParticipantFacts>> {
    const current = witaMonthOf(today);
    const earliestEnd = lines.reduce<Month>((min, p) => (monthOfDate(p.program.endDate) < min ? monthOfDate(p.program.endDate) : min), period.from);
    const from = earliestEnd < period.from ? addMonths(earliestEnd, 1) : period.from;
    const to = period.to > current ? period.to : current;
    const asOf = asOfDate(period, today);
    const sellerIds = [...new Set(lines.flatMap((p) => (p.seller ? [p.seller.id] : [])))];
    const rosterIds = [...new Set(lines.flatMap((p) => (p.rosterEntryId ? [p.rosterEntryId] : [])))];
    const [marketplace, offline, lastMarketplace, lastOffline, surveys, products] = await Promise.all([
      this.marketplace.monthlyNetIncome(ctx, sellerIds, from, to),
      this.repository.offlineMonthly(ctx, sellerIds, from, to),
      this.marketplace.lastSaleAt(ctx, sellerIds, new Date(`${asOf}T15:59:59.999Z`)),
      this.repository.lastOfflineSaleOn(ctx, sellerIds, asOf),
      this.repository.answeredSurveys(ctx, rosterIds),
      this.catalog.countActiveBySellerIds(ctx, sellerIds),
    ]);
    const bySeller = <T>(rows: { sellerId: string; month: string }[], value: (row: never) => T) => {
      const out = new Map<string, Map<Month, T>>();
      for (const row of rows) {
        if (!out.has(row.sellerId)) out.set(row.sellerId, new Map());
        out.get(row.sellerId)!.set(row.month, value(row as never));
      }
      return out;
    };
    const marketplaceBySeller = bySeller(marketplace, (row: { netIncomeIdr: bigint; orders: number }) => ({ idr: row.netIncomeIdr, orders: row.orders }));
    const offlineBySeller = bySeller(offline, (row: { amountIdr: bigint; sales: number }) => ({ idr: row.amountIdr, sales: row.sales }));
    const surveysByRoster = new Map<string, SurveyAnswer[]>();
    for (const task of surveys) surveysByRoster.set(task.rosterEntryId, [...(surveysByRoster.get(task.rosterEntryId) ?? []), { wave: task.wave, dueOn: task.dueOn, monthlyIncomeIdr: task.monthlyIncomeIdr! }]);
    const none = new Map();
    const facts = new Map<string, ParticipantFacts>();
    for (const p of lines) {
      const sellerId = p.seller?.id ?? null;
      const lastMarket = sellerId && lastMarketplace.get(sellerId) ? witaDateOf(lastMarketplace.get(sellerId)!) : null;
      const lastOff = sellerId ? (lastOffline.get(sellerId) ?? null) : null;
      facts.set(p.key, {
        key: p.key,
        name: p.name,
        sellerId,
        sellerVerified: isVerifiedSeller(p),
        kampungId: p.kampungId,
        programId: p.program.id,
        endDate: p.program.endDate,
        baselineIdr: p.baselineIdr,
        marketplace: (sellerId && marketplaceBySeller.get(sellerId)) || none,
        offline: (sellerId && offlineBySeller.get(sellerId)) || none,
        lastSaleOn: [lastMarket, lastOff].filter((d): d is string => !!d).sort().at(-1) ?? null,
        surveys: (p.rosterEntryId && surveysByRoster.get(p.rosterEntryId)) || [],
        productsListed: (sellerId && products.get(sellerId)) || 0,
      });
    }
    return facts;
  }

  /**
   * The comparison group: participants of cohorts that ended before this one started, in the same
   * kampung KB, who did not take this one. Nothing new happened to them in this cohort's window, so the
   * change of their survey income from before this cohort to the period is the trend without it.
   */
  private comparisonPool(set: ParticipantSet, treated: readonly Participant[], scope: string[] | null): Participant[] {
    const program = treated[0]?.program;
    if (!program) return [];
    const kampungIds = new Set(treated.map((p) => p.kampungId));
    const treatedPeople = new Set(treated.map((p) => p.personKey));
    return firstTrainingOfEach(
      set.participants.filter((p) => p.program.endDate < program.startDate && kampungIds.has(p.kampungId) && !treatedPeople.has(p.personKey) && (!scope || scope.includes(p.kampungId))),
    );
  }

  indicatorsOf(selection: Selection, participants: readonly Participant[]): Indicators {
    return computeIndicators(participants.map((p) => selection.facts.get(p.key)!), selection.period, selection.today);
  }

  async impactReport(ctx: RequestContext, filter: ImpactFilterInput, today = new Date()): Promise<ImpactReport> {
    const scope = await this.visibleKampungIds(ctx, filter);
    return this.reportOf(ctx, await this.select(ctx, filter, scope, today));
  }

  async reportOf(ctx: RequestContext, selection: Selection): Promise<ImpactReport> {
    const { set, period, participants, filter } = selection;
    const indicators = this.indicatorsOf(selection, participants);
    const sellerIds = [...new Set(participants.flatMap((p) => (p.seller ? [p.seller.id] : [])))];
    const group = (id: string, name: string, subset: Participant[]): ImpactGroupRow => {
      const i = this.indicatorsOf(selection, subset);
      return {
        id,
        name,
        participants: i.participants,
        sellersVerified: i.sellersVerified,
        activeSellers90: i.activeSellers90,
        baselineMedianIdr: i.baseline.median,
        marketplaceMeanIdr: i.marketplaceMonthly.mean,
        offlineMeanIdr: i.offlineMonthly.mean,
        salesMedianIdr: i.salesMonthly.median,
        salesTotalIdr: i.marketplaceTotalIdr + i.offlineTotalIdr,
        surveyUpliftMeanIdr: i.surveyUplift.mean,
        productsListed: i.productsListed,
      };
    };
    const kampungIds = [...new Set(participants.map((p) => p.kampungId))];
    const byKampung = kampungIds
      .map((id) => group(id, set.kampungs.get(id)?.name ?? '—', participants.filter((p) => p.kampungId === id)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const byUppkaGroup = [...selection.groupMembers]
      .map(([id, g]) => [id, g, participants.filter((p) => p.seller && g.sellerIds.has(p.seller.id))] as const)
      .filter(([, , subset]) => subset.length > 0)
      .map(([id, g, subset]) => group(id, g.name, subset));
    const byCohort = set.programs
      .map((program) => [program, selection.lines.filter((p) => p.program.id === program.id)] as const)
      .filter(([program, subset]) => subset.length > 0 && (!filter.trainingProgramId || program.id === filter.trainingProgramId))
      .map(([program, subset]) => group(program.id, program.title, subset));

    const kampungs = [...set.kampungs.values()];
    const did = this.did(selection, participants, indicators);
    const report: ImpactReport = {
      period: { from: period.from, to: period.to, asOf: asOfDate(period, selection.today) },
      marketplaceHasData: selection.marketplaceHasData,
      participants: indicators.participants,
      sellersVerified: indicators.sellersVerified,
      activeSellers30: indicators.activeSellers30,
      activeSellers90: indicators.activeSellers90,
      retention: indicators.retention,
      retentionCurve: indicators.retentionCurve,
      baseline: toSummary(indicators.baseline),
      salesIncome: { marketplace: toSummary(indicators.marketplaceMonthly), offline: toSummary(indicators.offlineMonthly), combined: toSummary(indicators.salesMonthly) },
      marketplaceTotalIdr: indicators.marketplaceTotalIdr,
      offlineTotalIdr: indicators.offlineTotalIdr,
      survey: toSummary(indicators.survey),
      surveyUplift: toSummary(indicators.surveyUplift),
      upliftPerParticipantIdr: indicators.salesMonthly.mean,
      productsListed: indicators.productsListed,
      orders: indicators.orders,
      offlineSales: indicators.offlineSales,
      buyerProvinces: await this.marketplace.buyerProvinces(ctx, sellerIds, period.from, period.to),
      coverage: {
        withParticipants: kampungIds.length,
        active: kampungs.filter((k) => k.status === KampungStatus.ACTIVE).length,
        target: kampungs.length,
        targetNames: kampungs.filter((k) => k.status === KampungStatus.TARGET).map((k) => k.name),
      },
      monthly: indicators.monthly,
      distribution: indicators.distribution,
      byKampung,
      byUppkaGroup,
      byCohort,
      roi: this.roi(selection, participants, indicators),
      differenceInDifferences: did.result,
      differenceInDifferencesNote: did.note,
      participantRows: indicators.rows
        .map((row) => ({
          sellerId: row.facts.sellerId,
          name: row.facts.name,
          kampungName: set.kampungs.get(row.facts.kampungId)?.name ?? '—',
          cohortTitle: set.programs.find((p) => p.id === row.facts.programId)?.title ?? '—',
          baselineIdr: row.facts.baselineIdr,
          monthsSinceTraining: row.monthsSinceTraining,
          marketplaceIdr: row.marketplaceIdr,
          offlineIdr: row.offlineIdr,
          salesMonthlyIdr: row.salesMonthlyIdr,
          latestSurveyIdr: row.latestSurvey?.monthlyIncomeIdr ?? null,
          surveyUpliftIdr: row.surveyUpliftIdr,
          lastSaleOn: row.facts.lastSaleOn,
          productsListed: row.facts.productsListed,
          active90: row.active90,
        }))
        .sort((a, b) => a.kampungName.localeCompare(b.kampungName) || a.name.localeCompare(b.name)),
      intervensiText: '',
    };
    report.intervensiText = intervensiText(report, selection);
    return report;
  }

  /** Budget in proportion to the participants of each cohort in the report (all of them: the whole budget). */
  private roi(selection: Selection, participants: readonly Participant[], indicators: Indicators): ImpactReport['roi'] {
    let cost = 0n;
    for (const program of selection.set.programs) {
      const all = selection.set.participants.filter((p) => p.program.id === program.id).length;
      const here = participants.filter((p) => p.program.id === program.id).length;
      if (here > 0 && all > 0) cost += (program.budgetIdr * BigInt(here)) / BigInt(all);
    }
    if (cost === 0n) return null;
    const verified = phillipsRoi(indicators.marketplaceTotalIdr, cost);
    const withSelf = phillipsRoi(indicators.marketplaceTotalIdr + indicators.offlineTotalIdr, cost);
    return {
      costIdr: cost,
      benefitVerifiedIdr: verified.benefit,
      benefitWithSelfReportedIdr: withSelf.benefit,
      roiVerifiedPercent: verified.roiPercent,
      roiWithSelfReportedPercent: withSelf.roiPercent,
      benefitCostRatioVerified: verified.benefitCostRatio,
      benefitCostRatioWithSelfReported: withSelf.benefitCostRatio,
      participantMonths: indicators.rows.reduce((sum, row) => sum + row.eligibleMonths.length, 0),
      caveat: ROI_CAVEAT,
    };
  }

  /**
   * Survey income (self-reported), this cohort against the comparison group: for the participants,
   * baseline before and their latest answer in the period after; for the comparison group, their
   * latest answer due before this cohort started, and their latest answer in the period.
   */
  private did(selection: Selection, participants: readonly Participant[], indicators: Indicators): { result: ImpactReport['differenceInDifferences']; note: string } {
    const program = selection.set.programs.find((p) => p.id === selection.filter.trainingProgramId);
    if (!program) return { result: null, note: 'Pilih satu angkatan pelatihan untuk membandingkan dengan kelompok pembanding.' };
    const treated = indicators.rows.flatMap((row) => (row.facts.baselineIdr !== null && row.latestSurvey ? [{ before: row.facts.baselineIdr, after: row.latestSurvey.monthlyIncomeIdr }] : []));
    const pool = this.comparisonPool(selection.set, participants, null).filter((p) => selection.facts.has(p.key));
    const control = this.indicatorsOf(selection, pool).rows.flatMap((row) => {
      const before = [...row.facts.surveys].filter((s) => s.dueOn <= program.startDate).sort((a, b) => a.dueOn.localeCompare(b.dueOn)).at(-1);
      return before && row.latestSurvey ? [{ before: before.monthlyIncomeIdr, after: row.latestSurvey.monthlyIncomeIdr }] : [];
    });
    const comparisonGroup = 'Peserta pelatihan sebelumnya di kampung KB yang sama yang tidak ikut angkatan ini';
    if (treated.length < DID_MIN_GROUP || control.length < DID_MIN_GROUP) {
      return {
        result: null,
        note: `Belum ada kelompok pembanding yang cukup: perlu ${DID_MIN_GROUP} orang per kelompok dengan jawaban survei sebelum dan sesudah (peserta: ${treated.length}, pembanding: ${control.length}; pembanding adalah ${comparisonGroup.toLowerCase()}). Yang ditampilkan hanya perbandingan sebelum–sesudah.`,
      };
    }
    const d = differenceInDifferences(treated, control)!;
    return {
      result: {
        comparisonGroup,
        treatedCount: d.treatedCount,
        controlCount: d.controlCount,
        treatedBeforeIdr: d.treatedBefore,
        treatedAfterIdr: d.treatedAfter,
        controlBeforeIdr: d.controlBefore,
        controlAfterIdr: d.controlAfter,
        treatedChangeIdr: d.treatedChange,
        controlChangeIdr: d.controlChange,
        estimateIdr: d.estimate,
      },
      note: 'Selisih-dalam-selisih (difference-in-differences): perubahan penghasilan peserta dikurangi perubahan penghasilan kelompok pembanding pada waktu yang sama, menurut survei (dilaporkan sendiri). Perkiraan, bukan uji terkontrol.',
    };
  }
}

const rupiah = (value: bigint | null) => (value === null ? '—' : `Rp ${value.toLocaleString('id-ID')}`);
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export const monthNameId = (month: Month) => `${MONTHS_ID[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A paragraph for a Kampung KB website "intervensi" post: aggregates only, no names. */
function intervensiText(report: ImpactReport, selection: Selection): string {
  const program = selection.set.programs.find((p) => p.id === selection.filter.trainingProgramId);
  const kampung = selection.filter.kampungId ? selection.set.kampungs.get(selection.filter.kampungId)?.name : null;
  const who = kampung ? `ibu-ibu Kampung KB ${kampung}` : 'ibu-ibu Kampung KB Kota Balikpapan';
  const what = program ? `${program.title} DP3AKB Kota Balikpapan (${program.startDate.slice(0, 4)})` : 'pelatihan keterampilan DP3AKB Kota Balikpapan';
  const sales = report.salesIncome.combined;
  const parts = [
    `Intervensi: ${what} bagi ${report.participants} ${who}.`,
    `Pada periode ${monthNameId(report.period.from)} – ${monthNameId(report.period.to)}, ${report.sellersVerified} peserta telah menjadi penjual terverifikasi di Karya Ibu dan ${report.activeSellers90} peserta masih berjualan dalam 90 hari terakhir.`,
    `Omzet penjualan tercatat ${rupiah(report.marketplaceTotalIdr + report.offlineTotalIdr)} (marketplace ${report.marketplaceHasData ? rupiah(report.marketplaceTotalIdr) : 'belum ada data'}, penjualan offline yang dilaporkan sendiri ${rupiah(report.offlineTotalIdr)}).`,
    `Pendapatan tambahan dari penjualan per peserta per bulan: median ${rupiah(sales.median)}, rata-rata ${rupiah(sales.mean)}; penghasilan per bulan sebelum pelatihan: median ${rupiah(report.baseline.median)}.`,
  ];
  if (report.surveyUplift.count > 0) parts.push(`Menurut survei lanjutan (${report.surveyUplift.count} peserta menjawab), penghasilan per bulan berubah rata-rata ${rupiah(report.surveyUplift.mean)} dibanding sebelum pelatihan.`);
  parts.push('Sebagian angka dilaporkan sendiri oleh peserta dan pendamping; sumber: Karya Ibu, DP3AKB Kota Balikpapan.');
  return parts.join(' ');
}
