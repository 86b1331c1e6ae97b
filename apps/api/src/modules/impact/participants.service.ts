import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Kampung } from '../kampung/models/kampung.model.js';
import { KampungService } from '../kampung/kampung.service.js';
import { SellerStatus } from '../sellers/models/seller-status.enum.js';
import type { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import type { TrainingProgram } from '../training/models/training-program.model.js';
import { RosterService } from '../training/roster.service.js';
import { TrainingService } from '../training/training.service.js';

/** One person in one cohort: a roster line (her baseline), her shop if she has one, or both. */
export interface Participant {
  key: string;
  name: string;
  program: TrainingProgram;
  /** Her roster line (surveys are asked per line); null for a verified seller missing from the roster. */
  rosterEntryId: string | null;
  baselineIdr: bigint | null;
  seller: Seller | null;
  /** Her kampung KB today: her shop's, else the roster's. */
  kampungId: string;
  /** Who she is across cohorts: her shop, else her phone. */
  personKey: string;
}

/** What a set of cohorts is made of, with the kampung KB and programs the report names. */
export interface ParticipantSet {
  programs: TrainingProgram[];
  kampungs: Map<string, Kampung>;
  participants: Participant[];
}

/**
 * Who took part: the official roster of each cohort (her baseline income), matched to the verified
 * sellers enrolled in it by phone (her WhatsApp or her account's). Read through the training,
 * sellers, accounts and kampung services; a city has a handful of cohorts of tens of women.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly training: TrainingService,
    private readonly rosters: RosterService,
    private readonly sellers: SellerDirectoryService,
    private readonly accounts: AccountsService,
    private readonly kampung: KampungService,
  ) {}

  async load(ctx: RequestContext): Promise<ParticipantSet> {
    const [programs, kampungs] = await Promise.all([this.training.listPrograms(ctx), this.kampung.listKampungs(ctx)]);
    const enrolled = await this.training.enrolledSellerIds(ctx, programs.map((p) => p.id));
    const sellers = await this.sellers.findByIds(ctx, [...new Set([...enrolled.values()].flat())]);
    const accounts = await this.accounts.summariesByIds(ctx, [...new Set([...sellers.values()].flatMap((s) => (s.userId ? [s.userId] : [])))]);
    const phonesOf = (seller: Seller) => [seller.whatsappNumber, ...(seller.userId && accounts.get(seller.userId)?.phone ? [accounts.get(seller.userId)!.phone!] : [])];

    const participants: Participant[] = [];
    for (const program of programs) {
      const inProgram = (enrolled.get(program.id) ?? []).map((id) => sellers.get(id)).filter((s): s is Seller => !!s);
      const byPhone = new Map(inProgram.flatMap((seller) => phonesOf(seller).map((phone) => [phone, seller] as const)));
      const matched = new Set<string>();
      for (const entry of await this.rosters.rosterOf(ctx, program.id)) {
        const seller = byPhone.get(entry.phone) ?? null;
        if (seller) matched.add(seller.id);
        participants.push({
          key: `${program.id}:${entry.id}`,
          name: seller?.displayName ?? entry.name,
          program,
          rosterEntryId: entry.id,
          baselineIdr: entry.baselineMonthlyIncomeIdr,
          seller,
          kampungId: seller?.kampungId ?? entry.kampungId,
          personKey: seller ? `seller:${seller.id}` : `phone:${entry.phone}`,
        });
      }
      for (const seller of inProgram.filter((s) => !matched.has(s.id))) {
        participants.push({ key: `${program.id}:seller:${seller.id}`, name: seller.displayName, program, rosterEntryId: null, baselineIdr: null, seller, kampungId: seller.kampungId, personKey: `seller:${seller.id}` });
      }
    }
    return { programs, kampungs: new Map(kampungs.map((k) => [k.id, k])), participants };
  }
}

/** Across cohorts each person counts once, from her first training (her earliest baseline). */
export function firstTrainingOfEach(participants: readonly Participant[]): Participant[] {
  const first = new Map<string, Participant>();
  for (const participant of [...participants].sort((a, b) => a.program.endDate.localeCompare(b.program.endDate))) {
    if (!first.has(participant.personKey)) first.set(participant.personKey, participant);
  }
  return [...first.values()];
}

export const isVerifiedSeller = (participant: Participant) => participant.seller?.status === SellerStatus.VERIFIED;
