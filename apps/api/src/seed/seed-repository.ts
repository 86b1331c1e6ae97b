import { randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { ObjectStorage } from '../infra/storage/object-storage.js';
import { UserEntity } from '../modules/accounts/entities/user.entity.js';
import type { Role } from '../modules/accounts/models/role.enum.js';
import { MotifEntity } from '../modules/catalog/entities/motif.entity.js';
import { ProductEntity } from '../modules/catalog/entities/product.entity.js';
import { KampungEntity } from '../modules/kampung/entities/kampung.entity.js';
import { PendampingAssignmentEntity } from '../modules/kampung/entities/pendamping-assignment.entity.js';
import { ProductPhotoEntity } from '../modules/media/entities/product-photo.entity.js';
import { CURRENT_VARIANT_SET, PhotoStatus } from '../modules/media/models/photo.enums.js';
import { originalKey, putVariants, renderVariants } from '../modules/media/photo-variants.js';
import { PayoutDetailsEntity } from '../modules/payouts/entities/payout-details.entity.js';
import { SellerEntity } from '../modules/sellers/entities/seller.entity.js';
import { SellerStatus } from '../modules/sellers/models/seller-status.enum.js';
import { RosterEntryEntity } from '../modules/training/entities/roster-entry.entity.js';
import { TrainingEnrollmentEntity } from '../modules/training/entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from '../modules/training/entities/training-program.entity.js';
import { OfflineSaleEntity } from '../modules/impact/entities/offline-sale.entity.js';
import { SurveyTaskEntity } from '../modules/impact/entities/survey-task.entity.js';
import { UppkaGroupEntity } from '../modules/impact/entities/uppka-group.entity.js';
import { UppkaMemberEntity } from '../modules/impact/entities/uppka-member.entity.js';

type Row<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

export type SeedSeller = Pick<SellerEntity, 'displayName' | 'slug' | 'kampungId' | 'story' | 'whatsappNumber' | 'joinedAt' | 'isDemo'> & Partial<Pick<SellerEntity, 'userId' | 'status'>>;

export type SeedProductRow = Omit<ProductEntity, 'id' | 'updatedAt' | 'searchText' | 'searchVector' | 'onSale' | 'hoursOfWork' | 'madeOn' | 'codAllowed' | 'lengthCm' | 'widthCm' | 'heightCm'> &
  Partial<Pick<ProductEntity, 'hoursOfWork' | 'madeOn' | 'codAllowed' | 'lengthCm' | 'widthCm' | 'heightCm'>>;

export interface SeedAccount {
  displayName: string;
  phone: string | null;
  email: string | null;
  passwordHash: string;
  roles: Role[];
}

export type SeedPayoutDetails = Pick<PayoutDetailsEntity, 'sellerId' | 'method' | 'bankCode' | 'accountNumber' | 'accountHolderName' | 'ewalletProvider' | 'ewalletNumber'>;

export interface SeedPhoto {
  productId: string;
  position: number;
  alt: string;
  original: Buffer;
  originalContentType: string;
}

/**
 * Writes demo data (and the e2e tests' data) straight through the DataSource, around the services
 * and their rules: the seed is not a user. Every write is idempotent by a natural key (slug, phone or
 * email, the pair of ids), so running the seed again changes nothing.
 */
export class SeedRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
  ) {}

  private async upsertBySlug<T extends { slug: string }>(entity: new () => T, row: Row<T>): Promise<T> {
    const repo = this.dataSource.getRepository<T>(entity);
    await repo.upsert(row as unknown as QueryDeepPartialEntity<T>, ['slug']);
    return repo.findOneByOrFail({ slug: row.slug } as FindOptionsWhere<T>);
  }

  upsertKampung(kampung: Row<KampungEntity>): Promise<KampungEntity> {
    return this.upsertBySlug(KampungEntity, kampung);
  }

  upsertProgram(program: Row<TrainingProgramEntity>): Promise<TrainingProgramEntity> {
    return this.upsertBySlug(TrainingProgramEntity, program);
  }

  upsertMotif(motif: Row<MotifEntity>): Promise<MotifEntity> {
    return this.upsertBySlug(MotifEntity, motif);
  }

  /** An account known by its phone (else its email), created once with a known password; its id. */
  async ensureAccount({ displayName, phone, email, passwordHash, roles }: SeedAccount): Promise<string> {
    const users = this.dataSource.getRepository(UserEntity);
    const existing = await users.findOneBy(phone ? { phone } : { email: email! });
    return existing?.id ?? (await users.save(users.create({ displayName, phone, email, passwordHash, roles }))).id;
  }

  /** A pendamping of the kampung, without an officer. */
  async assignPendamping(userId: string, kampungId: string): Promise<void> {
    await this.dataSource.getRepository(PendampingAssignmentEntity).upsert({ userId, kampungId }, ['userId', 'kampungId']);
  }

  /** Verified unless told otherwise; reviewed when she joined (a pending applicant: not yet). */
  upsertSeller(seller: SeedSeller): Promise<SellerEntity> {
    return this.upsertBySlug(SellerEntity, {
      userId: null,
      status: SellerStatus.VERIFIED,
      appliedTrainingProgramId: null,
      reviewedAt: seller.status === SellerStatus.PENDING ? null : seller.joinedAt,
      reviewedByUserId: null,
      rejectionReason: null,
      ...seller,
    });
  }

  /** Where a demo seller is paid, set long enough ago that payouts are not on hold; never overwrites details she changed. */
  async ensurePayoutDetails(details: SeedPayoutDetails): Promise<void> {
    const setAt = new Date(Date.now() - 2 * 86_400_000);
    await this.dataSource.getRepository(PayoutDetailsEntity).createQueryBuilder().insert().values({ ...details, changedAt: setAt, payoutsHeldUntil: setAt, changedByUserId: null }).orIgnore().execute();
  }

  async enroll(trainingProgramId: string, sellerId: string, enrolledAt: Date): Promise<void> {
    await this.dataSource.getRepository(TrainingEnrollmentEntity).upsert({ trainingProgramId, sellerId, enrolledAt }, ['trainingProgramId', 'sellerId']);
  }

  /** Roster lines not there yet (a program's line is its phone); lines already there, demo or imported, stay as they are. Returns how many were added. */
  async addRosterEntries(entries: Row<RosterEntryEntity>[]): Promise<number> {
    if (entries.length === 0) return 0;
    const result = await this.dataSource.createQueryBuilder().insert().into(RosterEntryEntity).values(entries).orIgnore().returning('id').execute();
    return result.raw.length;
  }

  rosterEntries(trainingProgramId: string): Promise<RosterEntryEntity[]> {
    return this.dataSource.getRepository(RosterEntryEntity).findBy({ trainingProgramId });
  }

  /** The demo's offline sales go in once, all together (none there yet). */
  async addDemoOfflineSalesOnce(rows: Row<OfflineSaleEntity>[]): Promise<number> {
    const sales = this.dataSource.getRepository(OfflineSaleEntity);
    if (await sales.existsBy({ isDemo: true })) return 0;
    for (let i = 0; i < rows.length; i += 500) await sales.insert(rows.slice(i, i + 500));
    return rows.length;
  }

  /** Survey tasks (answered or open) not there yet, by participant line and wave. */
  async addSurveyTasksIfMissing(rows: Row<SurveyTaskEntity>[]): Promise<void> {
    if (rows.length) await this.dataSource.getRepository(SurveyTaskEntity).createQueryBuilder().insert().values(rows).orIgnore().execute();
  }

  async upsertUppkaGroup(group: Row<UppkaGroupEntity>, sellerIds: string[]): Promise<void> {
    const groups = this.dataSource.getRepository(UppkaGroupEntity);
    await groups.upsert(group, ['kampungId', 'name']);
    const { id } = await groups.findOneByOrFail({ kampungId: group.kampungId, name: group.name });
    if (sellerIds.length) await this.dataSource.getRepository(UppkaMemberEntity).createQueryBuilder().insert().values(sellerIds.map((sellerId) => ({ groupId: id, sellerId }))).orIgnore().execute();
  }

  /** An existing product (by slug) is left as it is. Returns it and whether it was created now. */
  async insertProductIfNew(product: SeedProductRow): Promise<{ product: ProductEntity; created: boolean }> {
    const products = this.dataSource.getRepository(ProductEntity);
    const existing = await products.findOneBy({ slug: product.slug });
    if (existing) return { product: existing, created: false };
    return { product: await products.save(products.create({ hoursOfWork: null, madeOn: null, codAllowed: true, lengthCm: null, widthCm: null, heightCm: null, ...product })), created: true };
  }

  /** Stores the original privately and its variants at once (no job): the photo is READY. */
  async addPhoto(photo: SeedPhoto): Promise<ProductPhotoEntity> {
    const photos = this.dataSource.getRepository(ProductPhotoEntity);
    const id = randomUUID();
    const entity = photos.create({ id, productId: photo.productId, position: photo.position, alt: photo.alt, originalKey: originalKey(photo.productId, id), status: PhotoStatus.PROCESSING });
    await this.storage.put(entity.originalKey, photo.original, photo.originalContentType, 'private, no-store');
    const variants = await renderVariants(photo.original);
    await putVariants(this.storage, id, variants.variants);
    Object.assign(entity, { width: variants.width, height: variants.height, status: PhotoStatus.READY, variantSet: CURRENT_VARIANT_SET });
    return photos.save(entity);
  }
}
