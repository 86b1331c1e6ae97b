import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../common/database/typeorm-options.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { MinioObjectStorage } from '../infra/storage/minio-object-storage.js';
import { Role } from '../modules/accounts/models/role.enum.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { BatikTechnique, DyeType, ProductCategory, ProductStatus } from '../modules/catalog/models/catalog.enums.js';
import { KampungStatus } from '../modules/kampung/models/kampung-status.enum.js';
import { PayoutMethod } from '../modules/ledger/models/ledger.enums.js';
import { EwalletProvider } from '../modules/payouts/models/payout.enums.js';
import { SellerStatus } from '../modules/sellers/models/seller-status.enum.js';
import { TrainingSkill } from '../modules/training/models/training-skill.enum.js';
import { buildSeedData, SEED, type SeedProduct } from './data/index.js';
import { DEMO_APPLICANT, DEMO_PASSWORDS, DEMO_STAFF, demoPendamping, type DemoAccount } from './demo-accounts.js';
import { renderBatikImage } from './images/index.js';
import { SeedRepository } from './seed-repository.js';
import { seedDemoOrders } from './seed-orders.js';
import { witaDateOf } from '../modules/impact/impact-math.js';
import type { OfflineSaleChannel } from '../modules/impact/models/impact.enums.js';

const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 1200;

/**
 * The demo data of Balikpapan's Kampung KB (fictional sellers, marked isDemo). Idempotent by slug: a
 * second run changes nothing and renders no photo again. `photos: false` leaves the photos out.
 */
export async function seedDemoData(config: RuntimeConfig, { photos = true }: { photos?: boolean } = {}): Promise<string> {
  const dataSource = await new DataSource(typeOrmOptions(config.databaseUrl)).initialize();
  try {
    const storage = new MinioObjectStorage(config.s3);
    await storage.ensureBucket();
    return await seedWith(new SeedRepository(dataSource, storage), (products) => seedDemoOrders(config, products), photos);
  } finally {
    await dataSource.destroy();
  }
}

/** Returns a one-line summary of what it did. */
async function seedWith(seed: SeedRepository, placeOrders: (products: readonly SeedProduct[]) => Promise<string>, photos: boolean): Promise<string> {
  const started = Date.now();
  const data = buildSeedData(SEED, [{ name: DEMO_APPLICANT.rosterName, phone: DEMO_APPLICANT.account.phone, kampungSlug: DEMO_APPLICANT.kampungSlug }]);

  const kampungIds = new Map<string, string>();
  for (const kampung of data.kampungs) {
    const saved = await seed.upsertKampung({ ...kampung, status: kampung.status as KampungStatus });
    kampungIds.set(kampung.slug, saved.id);
  }
  const programIds = new Map<string, string>();
  const programStarts = new Map<string, Date>();
  for (const program of data.trainingPrograms) {
    const saved = await seed.upsertProgram({ ...program, skill: program.skill as TrainingSkill });
    programIds.set(program.slug, saved.id);
    programStarts.set(program.slug, new Date(`${program.startDate}T00:00:00Z`));
  }
  const motifIds = new Map<string, string>();
  for (const motif of data.motifs) motifIds.set(motif.slug, (await seed.upsertMotif(motif)).id);

  // Every demo account of one kind shares one password hash: argon2 is slow on purpose.
  const hashes = new Map<string, Promise<string>>();
  const account = (demo: DemoAccount) => {
    if (!hashes.has(demo.password)) hashes.set(demo.password, hashPassword(demo.password));
    return hashes.get(demo.password)!.then((passwordHash) => seed.ensureAccount({ ...demo, passwordHash }));
  };
  for (const staff of DEMO_STAFF) await account(staff);
  for (const kampung of data.kampungs.filter((k) => k.status === 'ACTIVE')) {
    await seed.assignPendamping(await account(demoPendamping(kampung)), kampungIds.get(kampung.slug)!);
  }

  const sellerIds = new Map<string, string>();
  for (const seller of data.sellers) {
    const userId = await account({ displayName: seller.displayName, phone: seller.whatsappNumber, email: null, password: DEMO_PASSWORDS.seller, roles: [Role.BUYER, Role.SELLER] });
    const saved = await seed.upsertSeller({
      userId,
      displayName: seller.displayName,
      slug: seller.slug,
      kampungId: kampungIds.get(seller.kampungSlug)!,
      story: seller.story,
      whatsappNumber: seller.whatsappNumber,
      joinedAt: new Date(seller.joinedAt),
      isDemo: seller.isDemo,
    });
    sellerIds.set(seller.slug, saved.id);
    await seed.ensurePayoutDetails(demoPayoutDetails(sellerIds.size - 1, saved.id, seller));
    for (const slug of seller.trainingSlugs) await seed.enroll(programIds.get(slug)!, saved.id, programStarts.get(slug)!);
  }
  await seed.upsertSeller({
    userId: await account(DEMO_APPLICANT.account),
    displayName: DEMO_APPLICANT.account.displayName,
    slug: DEMO_APPLICANT.slug,
    kampungId: kampungIds.get(DEMO_APPLICANT.kampungSlug)!,
    story: DEMO_APPLICANT.story,
    whatsappNumber: DEMO_APPLICANT.account.phone,
    joinedAt: new Date(),
    isDemo: true,
    status: SellerStatus.PENDING,
  });

  const rosterLines = await seed.addRosterEntries(
    data.rosters.map(({ trainingSlug, kampungSlug, ...line }) => ({ ...line, trainingProgramId: programIds.get(trainingSlug)!, kampungId: kampungIds.get(kampungSlug)!, isDemo: true })),
  );
  const impact = await seedImpact(seed, data, { kampungIds, programIds, sellerIds });

  const created: { id: string; product: SeedProduct }[] = [];
  for (const product of data.products) {
    const { product: saved, created: isNew } = await seed.insertProductIfNew(toProductRow(product, sellerIds, motifIds));
    if (isNew) created.push({ id: saved.id, product });
  }
  // Without photos (a test of the figures) the seed takes a third of the time; the products are on sale all the same.
  const drawn = photos ? created : [];
  let photoCount = 0;
  // Drawing and encoding photos dominates (CPU); the year of demo orders waits on the database meanwhile.
  const [, orders] = await Promise.all([
    forEachConcurrently(drawn, 3, async ({ id, product }) => {
      for (const [position, photo] of product.photos.entries()) {
        const original = await renderBatikImage(photo.design, PHOTO_WIDTH, PHOTO_HEIGHT, { format: 'jpeg', quality: 85 });
        await seed.addPhoto({ productId: id, position, alt: photo.alt, original, originalContentType: 'image/jpeg' });
        photoCount++;
      }
    }),
    placeOrders(data.products),
  ]);
  return (
    `Demo data: ${data.kampungs.length} kampung KB, ${data.trainingPrograms.length} training programs (${data.rosters.length} roster lines, ${rosterLines} new), ${data.sellers.length} sellers, ` +
    `${data.products.length} products (${created.length} new, ${photoCount} photos drawn), ${impact} in ${((Date.now() - started) / 1000).toFixed(1)} s\n${orders}`
  );
}

const DEMO_BANKS = ['014', '002', '008', '124', '451'];
const DEMO_EWALLETS = [EwalletProvider.DANA, EwalletProvider.GOPAY, EwalletProvider.OVO, EwalletProvider.SHOPEEPAY];

/** A mix like the ibu's own: most by bank (BCA, BRI, Mandiri, Bankaltimtara, BSI), some by e-wallet, some in cash through the pendamping. */
function demoPayoutDetails(index: number, sellerId: string, seller: { displayName: string; whatsappNumber: string }) {
  const name = seller.displayName;
  const none = { bankCode: null, accountNumber: null, accountHolderName: null, ewalletProvider: null, ewalletNumber: null };
  if (index % 5 === 4) return { sellerId, method: PayoutMethod.CASH_VIA_PENDAMPING, ...none };
  if (index % 5 === 3) return { sellerId, method: PayoutMethod.EWALLET, ...none, accountHolderName: name, ewalletProvider: DEMO_EWALLETS[index % DEMO_EWALLETS.length], ewalletNumber: seller.whatsappNumber };
  return { sellerId, method: PayoutMethod.BANK_TRANSFER, ...none, bankCode: DEMO_BANKS[index % DEMO_BANKS.length], accountNumber: `70${String(index + 1).padStart(8, '0')}`, accountHolderName: name };
}

/**
 * Demo impact figures (marked demo), for the participants of the seeded rosters: offline sales,
 * follow-up surveys (answered, and some still open for the pendamping) and UPPKA groups. Nothing dated
 * after today.
 */
async function seedImpact(seed: SeedRepository, data: ReturnType<typeof buildSeedData>, ids: { kampungIds: Map<string, string>; programIds: Map<string, string>; sellerIds: Map<string, string> }): Promise<string> {
  const today = witaDateOf(new Date());
  const sellers = new Map(data.sellers.map((s) => [s.slug, s]));
  const pendampingName = (slug: string) => demoPendamping(data.kampungs.find((k) => k.slug === sellers.get(slug)!.kampungSlug)!).displayName;
  const salesAdded = await seed.addDemoOfflineSalesOnce(
    data.impact.sales
      .filter((sale) => sale.soldOn <= today)
      .map((sale) => ({
        sellerId: ids.sellerIds.get(sale.sellerSlug)!,
        soldOn: sale.soldOn,
        amountIdr: sale.amountIdr,
        channel: sale.channel as OfflineSaleChannel,
        note: sale.note,
        recordedByUserId: null,
        recordedByName: sale.byPendamping ? pendampingName(sale.sellerSlug) : sellers.get(sale.sellerSlug)!.displayName,
        onBehalf: sale.byPendamping,
        isDemo: true,
      })),
  );
  const rosterLine = new Map<string, { id: string; kampungId: string }>();
  for (const [slug, programId] of ids.programIds) for (const entry of await seed.rosterEntries(programId)) rosterLine.set(`${slug}|${entry.phone}`, entry);
  await seed.addSurveyTasksIfMissing(
    data.impact.surveys
      .filter((s) => s.dueOn <= today && rosterLine.has(`${s.programSlug}|${sellers.get(s.sellerSlug)!.whatsappNumber}`))
      .map((s) => {
        const line = rosterLine.get(`${s.programSlug}|${sellers.get(s.sellerSlug)!.whatsappNumber}`)!;
        const answered = s.monthlyIncomeIdr !== null;
        return {
          rosterEntryId: line.id,
          trainingProgramId: ids.programIds.get(s.programSlug)!,
          kampungId: ids.kampungIds.get(sellers.get(s.sellerSlug)!.kampungSlug)!,
          wave: s.wave,
          dueOn: s.dueOn,
          monthlyIncomeIdr: s.monthlyIncomeIdr,
          answeredAt: answered ? new Date(`${s.dueOn}T03:00:00Z`) : null,
          answeredByUserId: null,
          answeredByName: answered ? (s.byPendamping ? pendampingName(s.sellerSlug) : sellers.get(s.sellerSlug)!.displayName) : null,
          onBehalf: answered && s.byPendamping,
          note: null,
          isDemo: true,
        };
      }),
  );
  for (const group of data.impact.uppkaGroups) {
    await seed.upsertUppkaGroup({ kampungId: ids.kampungIds.get(group.kampungSlug)!, name: group.name, description: group.description }, group.sellerSlugs.map((slug) => ids.sellerIds.get(slug)!));
  }
  return `impact demo (${salesAdded} offline sales new, ${data.impact.uppkaGroups.length} UPPKA groups)`;
}

function toProductRow(product: SeedProduct, sellerIds: Map<string, string>, motifIds: Map<string, string>) {
  return {
    sellerId: sellerIds.get(product.sellerSlug)!,
    slug: product.slug,
    title: product.title,
    description: product.description,
    category: product.category as ProductCategory,
    technique: product.technique as BatikTechnique | null,
    motifId: product.motifSlug ? motifIds.get(product.motifSlug)! : null,
    material: product.material,
    dye: product.dye as DyeType | null,
    size: product.size,
    weightGrams: product.weightGrams,
    priceIdr: product.priceIdr,
    stock: product.stock,
    status: product.status as ProductStatus,
    createdAt: new Date(product.createdAt),
  };
}

async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
