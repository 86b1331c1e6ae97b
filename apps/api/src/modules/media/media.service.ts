import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT, PHOTO_ALT_MAX_LENGTH } from '@karya-ibu/types/rules';
import { AlreadyExistsError, EntityKind, InvalidInputError, isErrorResult, NotFoundError } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { ObjectStorage } from '../../infra/storage/object-storage.js';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService, productSubject } from '../catalog/catalog.service.js';
import type { ActingSeller } from '../sellers/seller-access.service.js';
import type { SellerAccessRefusal } from '../sellers/sellers.errors.js';
import type { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { CONTENT_TYPES, detectImageType, MAGIC_BYTES_NEEDED } from './image-type.js';
import {
  PhotoFileError,
  PhotoFileProblem,
  PhotoOrderOutdatedError,
  TooManyPhotosError,
  type AttachProductPhotoResult,
  type CreatePhotoUploadResult,
  type RemoveProductPhotoResult,
  type ReorderProductPhotosResult,
  type UpdatePhotoAltResult,
} from './media.errors.js';
import { CURRENT_VARIANT_SET, PhotoFailure, PhotoSize, PhotoStatus } from './models/photo.enums.js';
import type { PhotoUpload } from './dto/photo-upload.model.js';
import type { Product } from '../catalog/models/product.model.js';
import { toProductPhotoModel, type ProductPhoto } from './models/product-photo.model.js';
import { availableSize, loadSharp, MAX_INPUT_PIXELS, putVariants, renderVariants, sizesOf, variantKey, variantWidths } from './photo-variants.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

const UPLOAD_URL_SECONDS = 15 * 60;
const PROCESS_PHOTO = 'photo.process';
const BACKFILL_VARIANTS = 'photo.backfill-variants';
/** Photos one backfill attempt works on (a few seconds each at most), well inside its minute. */
const BACKFILL_BATCH = 10;
const ALLOWED_UPLOAD_TYPES = new Set(Object.values(CONTENT_TYPES));

@Injectable()
export class MediaService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Photos');

  constructor(
    private readonly photos: ProductPhotoRepository,
    private readonly storage: ObjectStorage,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly db: TransactionalConnection,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ photoId: string }>(PROCESS_PHOTO, (ctx, { photoId }) => this.processPhoto(ctx, photoId), {
      actor: 'photo-job',
      // Variants of a 50-megapixel photo take about 3 s here: a minute is ample, and short enough
      // that a photo whose worker died is picked up again within about a minute and a half.
      expireInSeconds: 60,
      retryLimit: 3,
      retryDelaySeconds: 5,
      onGiveUp: (ctx, { photoId }) => this.giveUpOnPhoto(ctx, photoId),
    });
    this.jobs.register<{ after: string | null }>(BACKFILL_VARIANTS, (ctx, { after }) => this.backfillVariants(ctx, after), {
      actor: 'photo-job',
      expireInSeconds: 60,
      retryLimit: 3,
      retryDelaySeconds: 5,
      onGiveUp: async (_ctx, { after }) => void this.logger.warn(`Backfill of photo variants gave up after photo ${after ?? '(first)'}; the next start tries again`),
      oneAtATime: true,
    });
  }

  /**
   * Photos stored before the current sizes existed (an older installation) get the missing variants
   * in the background; until then their URLs and srcset use the sizes they have. Not awaited: the
   * queues start in their own bootstrap.
   */
  onApplicationBootstrap(): void {
    const ctx = RequestContext.forSystem('photo-job', 'start');
    void (async () => {
      const pending = await this.photos.countWithOlderVariants(ctx, CURRENT_VARIANT_SET);
      if (pending === 0) return;
      this.logger.log(`${pending} photos lack the newer variant sizes: backfilling them in the background`);
      await this.jobs.send(ctx, BACKFILL_VARIANTS, { after: null });
    })().catch((error: Error) => this.logger.warn(`Could not queue the variant backfill: ${error.message}`));
  }

  async photosByProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, ProductPhoto[]>> {
    const grouped = new Map<string, ProductPhoto[]>();
    for (const photo of await this.photos.findReadyByProductIds(ctx, productIds)) {
      grouped.set(photo.productId, [...(grouped.get(photo.productId) ?? []), toProductPhotoModel(photo)]);
    }
    return grouped;
  }

  /** Where a variant is public (one the photo has): computed, no query (so no context). */
  photoUrl(photo: Pick<ProductPhoto, 'id' | 'variantSet'>, size: PhotoSize): string {
    return this.storage.publicUrl(variantKey(photo.id, availableSize(photo.variantSet, size)));
  }

  photoSrcset(photo: Pick<ProductPhoto, 'id' | 'variantSet' | 'width'>): string {
    return variantWidths(photo.variantSet, photo.width)
      .map(({ size, width }) => `${this.storage.publicUrl(variantKey(photo.id, size))} ${width}w`)
      .join(', ');
  }

  // --- Uploads by sellers and pendamping.

  /** Step 1: a presigned URL for the browser to PUT the original to, privately, without the API in the way. */
  async createPhotoUpload(ctx: RequestContext, productId: string, contentType: string, byteSize: number): Promise<typeof CreatePhotoUploadResult> {
    const managed = await this.catalog.managedProductOrRefusal(ctx, productId, 'productId');
    if (isErrorResult(managed)) return managed;
    return this.createPrivateUpload(`uploads/${productId}`, contentType, byteSize);
  }

  /**
   * A presigned URL to PUT one private photo under `prefix` (a product's originals, a payout's
   * signed receipt): the same checks of type and size for every upload. The caller has checked access.
   */
  async createPrivateUpload(prefix: string, contentType: string, byteSize: number): Promise<PhotoUpload | PhotoFileError> {
    const problem = uploadProblem(contentType, byteSize);
    if (problem) return problem;
    const key = `${prefix}/${randomUUID()}`;
    return { uploadUrl: await this.storage.presignedPutUrl(key, UPLOAD_URL_SECONDS), key, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000) };
  }

  /** What is wrong with an uploaded photo (missing, empty, too large, not JPEG/PNG/WebP); null when it is fine. */
  async uploadedPhotoProblem(key: string): Promise<PhotoFileError | null> {
    const info = await this.storage.stat(key);
    if (!info) return new PhotoFileError(PhotoFileProblem.NOT_UPLOADED, 'The photo has not been uploaded yet: try again');
    // Before any read: S3 refuses a range of an empty object (416) and s3rver hangs on it until its keep-alive timeout.
    if (info.size === 0) return new PhotoFileError(PhotoFileProblem.EMPTY, 'The uploaded file is empty');
    if (info.size > MAX_PHOTO_BYTES) return tooLarge();
    const type = detectImageType(await this.storage.head(key, MAGIC_BYTES_NEEDED));
    return type === 'heic' || type === 'unknown' ? unsupported(type) : null;
  }

  /** A private photo for whoever may see it (a payout's receipt), for a few minutes. */
  privatePhotoUrl(key: string): Promise<string> {
    return this.storage.presignedGetUrl(key, UPLOAD_URL_SECONDS);
  }

  /**
   * Step 2: checks the uploaded bytes (real type, size, pixel count) and queues the WebP variants.
   * The photo is PROCESSING until the job marks it READY or FAILED; the photo, its audit entry and
   * its job commit together, under the product's lock.
   */
  async attachProductPhoto(ctx: RequestContext, productId: string, key: string, alt: string): Promise<typeof AttachProductPhotoResult> {
    const managed = await this.catalog.managedProductOrRefusal(ctx, productId, 'productId');
    if (isErrorResult(managed)) return managed;
    // A key we never gave for this product is no upload of hers at all: malformed, thrown.
    if (!key.startsWith(`uploads/${productId}/`) || !isUuid(key.slice(`uploads/${productId}/`.length))) throw badInput('key', 'not an upload key given for this product');
    const cleanAlt = alt.trim();
    if (cleanAlt.length > PHOTO_ALT_MAX_LENGTH) return altTooLong();
    const problem = await this.uploadedPhotoProblem(key);
    if (problem) return problem;
    const type = detectImageType(await this.storage.head(key, MAGIC_BYTES_NEEDED)) as keyof typeof CONTENT_TYPES;
    const sharp = await loadSharp();
    const metadata = await sharp(await this.storage.get(key), { limitInputPixels: false })
      .metadata()
      .catch(() => null);
    if (!metadata) return new PhotoFileError(PhotoFileProblem.UNREADABLE, 'The image could not be read');
    const { width = 0, height = 0 } = metadata;
    if (width * height > MAX_INPUT_PIXELS) return new PhotoFileError(PhotoFileProblem.TOO_MANY_PIXELS, `Too many pixels (${width} × ${height})`, MAX_INPUT_PIXELS);
    if (await this.photos.keyInUse(ctx, key)) return new AlreadyExistsError('key', 'This upload is already attached');

    await this.catalog.lockProductForUpdate(ctx, productId);
    const existing = await this.photos.findByProductId(ctx, productId);
    if (existing.length >= MAX_PHOTOS_PER_PRODUCT) return new TooManyPhotosError(MAX_PHOTOS_PER_PRODUCT);
    const stored = await this.photos.save(ctx, { id: randomUUID(), productId, position: existing.length, alt: cleanAlt, originalKey: key, width, height, status: PhotoStatus.PROCESSING, failureReason: null });
    await this.audit.recordForSeller(ctx, managed.acting, { action: 'PHOTO_ADDED', ...productSubject(productId), before: null, after: { photoId: stored.id, alt: cleanAlt, contentType: CONTENT_TYPES[type] } });
    await this.jobs.send(ctx, PROCESS_PHOTO, { photoId: stored.id });
    return toProductPhotoModel(stored);
  }

  /**
   * The job: upright, metadata-free WebP variants; FAILED with a reason a seller understands. Safe to
   * run again after a crash: the variants have fixed keys (overwritten, never duplicated) and only a
   * photo still PROCESSING is marked.
   */
  async processPhoto(ctx: RequestContext, photoId: string): Promise<void> {
    const photo = await this.photos.findById(ctx, photoId);
    if (!photo || photo.status !== PhotoStatus.PROCESSING) return; // removed meanwhile, or a retried job that already finished
    const original = await this.storage.get(photo.originalKey); // storage down: thrown, so the job is tried again
    const variants = await renderVariants(original).catch((error: Error) => {
      this.logger.warn(`Photo ${photo.id} failed: ${error.message}`);
      return null;
    });
    if (!variants) {
      await this.photos.finishProcessing(ctx, photo.id, { status: PhotoStatus.FAILED, failureReason: PhotoFailure.UNREADABLE });
      return;
    }
    await putVariants(this.storage, photo.id, variants.variants);
    await this.photos.finishProcessing(ctx, photo.id, { width: variants.width, height: variants.height, status: PhotoStatus.READY, failureReason: null, variantSet: CURRENT_VARIANT_SET });
  }

  /**
   * The backfill job: the missing sizes of a batch of READY photos (by id, after `after`), then the
   * next batch as a job of its own. A photo whose original cannot be read is logged and skipped (it
   * keeps its sizes); a storage outage throws, so the same batch is tried again.
   */
  async backfillVariants(ctx: RequestContext, after: string | null): Promise<void> {
    const batch = await this.photos.findWithOlderVariants(ctx, CURRENT_VARIANT_SET, after, BACKFILL_BATCH);
    for (const photo of batch) {
      const missing = sizesOf(CURRENT_VARIANT_SET).filter((size) => !sizesOf(photo.variantSet).includes(size));
      const original = await this.storage.get(photo.originalKey);
      const variants = await renderVariants(original, missing).catch((error: Error) => {
        this.logger.warn(`Photo ${photo.id}: no new variants (${error.message})`);
        return null;
      });
      if (!variants) continue;
      await putVariants(this.storage, photo.id, variants.variants);
      await this.photos.setVariantSet(ctx, photo.id, CURRENT_VARIANT_SET);
    }
    if (batch.length === BACKFILL_BATCH) await this.jobs.send(ctx, BACKFILL_VARIANTS, { after: batch[batch.length - 1].id });
  }

  /** Every attempt of the job failed or died with its process: the seller is told, not left waiting. */
  async giveUpOnPhoto(ctx: RequestContext, photoId: string): Promise<void> {
    if (await this.photos.finishProcessing(ctx, photoId, { status: PhotoStatus.FAILED, failureReason: PhotoFailure.NOT_PROCESSED })) {
      this.logger.warn(`Photo ${photoId}: gave up after every attempt`);
    }
  }

  /**
   * Every photo of these products, whatever its status (what the seller's dashboard shows); null for a
   * product the caller may not manage. Batched: a fixed number of queries for a page of products.
   */
  async managedPhotosByProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, ProductPhoto[] | null>> {
    const allowed = await this.catalog.manageableProductIds(ctx, productIds);
    const photos = await this.photos.findAllByProductIds(ctx, [...allowed]);
    const result = new Map<string, ProductPhoto[] | null>(productIds.map((id) => [id, allowed.has(id) ? [] : null]));
    for (const photo of photos) result.get(photo.productId)!.push(toProductPhotoModel(photo));
    return result;
  }

  /** Puts the photos in the given order (every photo of the product, each once); answers the product. */
  async reorderProductPhotos(ctx: RequestContext, productId: string, photoIds: string[]): Promise<typeof ReorderProductPhotosResult> {
    const managed = await this.catalog.managedProductOrRefusal(ctx, productId, 'productId');
    if (isErrorResult(managed)) return managed;
    await this.catalog.lockProductForUpdate(ctx, productId);
    const photos = await this.photos.findByProductId(ctx, productId);
    const current = photos.map((photo) => photo.id);
    if (photoIds.length !== current.length || new Set(photoIds).size !== photoIds.length || !photoIds.every((id) => current.includes(id))) {
      return new PhotoOrderOutdatedError();
    }
    for (const photo of photos) photo.position = photoIds.indexOf(photo.id);
    await this.photos.setPositions(ctx, photos);
    await this.audit.recordForSeller(ctx, managed.acting, { action: 'PHOTOS_REORDERED', ...productSubject(productId), before: { order: current }, after: { order: photoIds } });
    return managed.product;
  }

  async updatePhotoAlt(ctx: RequestContext, photoId: string, alt: string): Promise<typeof UpdatePhotoAltResult> {
    const photo = await this.ownedPhoto(ctx, photoId);
    if (isErrorResult(photo)) return photo;
    const cleanAlt = alt.trim();
    if (cleanAlt.length > PHOTO_ALT_MAX_LENGTH) return altTooLong();
    if (cleanAlt === photo.entity.alt) return toProductPhotoModel(photo.entity);
    await this.photos.setAlt(ctx, photoId, cleanAlt);
    await this.audit.recordForSeller(ctx, photo.acting, { action: 'PHOTO_ALT_SET', ...productSubject(photo.entity.productId), before: { alt: photo.entity.alt }, after: { alt: cleanAlt } });
    // Read again: the job may have finished the photo meanwhile.
    return toProductPhotoModel((await this.photos.findById(ctx, photoId)) ?? { ...photo.entity, alt: cleanAlt });
  }

  /** Removes a photo and closes the gap in the order; its files go once the removal is committed. Answers the product. */
  async removeProductPhoto(ctx: RequestContext, photoId: string): Promise<typeof RemoveProductPhotoResult> {
    const photo = await this.ownedPhoto(ctx, photoId);
    if (isErrorResult(photo)) return photo;
    await this.catalog.lockProductForUpdate(ctx, photo.entity.productId);
    const remaining = (await this.photos.findByProductId(ctx, photo.entity.productId)).filter((p) => p.id !== photoId);
    await this.photos.remove(ctx, photoId);
    remaining.forEach((p, index) => (p.position = index));
    await this.photos.setPositions(ctx, remaining);
    await this.audit.recordForSeller(ctx, photo.acting, { action: 'PHOTO_REMOVED', ...productSubject(photo.entity.productId), before: { photoId, alt: photo.entity.alt }, after: null });
    await this.db.afterCommit(ctx, async () => {
      for (const key of [photo.entity.originalKey, ...Object.values(PhotoSize).map((size) => variantKey(photoId, size))]) {
        await this.storage.remove(key).catch((error: Error) => this.logger.warn(`Could not delete ${key}: ${error.message}`));
      }
    });
    return photo.product;
  }

  private async ownedPhoto(ctx: RequestContext, photoId: string): Promise<{ entity: ProductPhotoEntity; acting: ActingSeller; product: Product } | SellerAccessRefusal> {
    if (!isUuid(photoId)) throw badInput('photoId', `"${photoId}" is not an id returned by this API`);
    const entity = await this.photos.findById(ctx, photoId);
    if (!entity) return new NotFoundError(EntityKind.PHOTO);
    const managed = await this.catalog.managedProductOrRefusal(ctx, entity.productId);
    return isErrorResult(managed) ? managed : { entity, ...managed };
  }
}

const tooLarge = () => new PhotoFileError(PhotoFileProblem.TOO_LARGE, `Photos can be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, MAX_PHOTO_BYTES);

const altTooLong = () => new InvalidInputError('alt', 'TOO_LONG', `alt: at most ${PHOTO_ALT_MAX_LENGTH} characters`, { min: 0, max: PHOTO_ALT_MAX_LENGTH });

const unsupported = (type: 'heic' | 'unknown') =>
  type === 'heic'
    ? new PhotoFileError(PhotoFileProblem.HEIC, 'HEIC photos are not supported yet: use JPEG')
    : new PhotoFileError(PhotoFileProblem.UNSUPPORTED_TYPE, 'This file is not a JPEG, PNG or WebP photo');

/** What is wrong with an upload before it starts (its type or size); null when it may go ahead. */
function uploadProblem(contentType: string, byteSize: number): PhotoFileError | null {
  if (!ALLOWED_UPLOAD_TYPES.has(contentType)) return unsupported(contentType.includes('hei') ? 'heic' : 'unknown');
  if (byteSize < 1) return new PhotoFileError(PhotoFileProblem.EMPTY, 'The file is empty');
  if (byteSize > MAX_PHOTO_BYTES) return tooLarge();
  return null;
}
