import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import sharp from 'sharp';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT, PHOTO_ALT_MAX_LENGTH } from '@karya-ibu/types/rules';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { ObjectStorage } from '../../infra/storage/object-storage.js';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService, productSubject } from '../catalog/catalog.service.js';
import type { ActingSeller } from '../sellers/seller-access.service.js';
import type { PhotoUpload } from './dto/photo-upload.model.js';
import type { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { CONTENT_TYPES, detectImageType, MAGIC_BYTES_NEEDED } from './image-type.js';
import { PhotoSize, PhotoStatus } from './models/photo.enums.js';
import { toProductPhotoModel, type ProductPhoto } from './models/product-photo.model.js';
import { MAX_INPUT_PIXELS, renderVariants, variantKey } from './photo-variants.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

const UPLOAD_URL_SECONDS = 15 * 60;
const PROCESS_PHOTO = 'photo.process';
const UNREADABLE = 'Foto tidak dapat dibaca atau rusak; coba foto lain. (The image could not be read.)';
const ALLOWED_UPLOAD_TYPES = new Set(Object.values(CONTENT_TYPES));

@Injectable()
export class MediaService implements OnModuleInit {
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
  }

  async photosByProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, ProductPhoto[]>> {
    const grouped = new Map<string, ProductPhoto[]>();
    for (const photo of await this.photos.findReadyByProductIds(ctx, productIds)) {
      grouped.set(photo.productId, [...(grouped.get(photo.productId) ?? []), toProductPhotoModel(photo)]);
    }
    return grouped;
  }

  /** Where a variant is public: computed, no query (so no context). */
  photoUrl(photoId: string, size: PhotoSize): string {
    return this.storage.publicUrl(variantKey(photoId, size));
  }

  // --- Uploads by sellers and pendamping.

  /** Step 1: a presigned URL for the browser to PUT the original to, privately, without the API in the way. */
  async createPhotoUpload(ctx: RequestContext, productId: string, contentType: string, byteSize: number): Promise<PhotoUpload> {
    await this.catalog.managedProduct(ctx, productId);
    return this.createPrivateUpload(`uploads/${productId}`, contentType, byteSize);
  }

  /**
   * A presigned URL to PUT one private photo under `prefix` (a product's originals, a payout's
   * signed receipt): the same checks of type and size for every upload. The caller has checked access.
   */
  async createPrivateUpload(prefix: string, contentType: string, byteSize: number): Promise<PhotoUpload> {
    const problem = uploadProblem(contentType, byteSize);
    if (problem) throw badInput(problem.field, problem.message);
    const key = `${prefix}/${randomUUID()}`;
    return { uploadUrl: await this.storage.presignedPutUrl(key, UPLOAD_URL_SECONDS), key, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000) };
  }

  /** What is wrong with an upload before it starts (type, size); for callers that answer with a result instead of an error. */
  uploadProblem(contentType: string, byteSize: number): { field: 'contentType' | 'byteSize'; message: string } | null {
    return uploadProblem(contentType, byteSize);
  }

  /** What is wrong with an uploaded photo (missing, empty, too large, not JPEG/PNG/WebP), in words for her; null when it is fine. */
  async uploadedPhotoProblem(key: string): Promise<string | null> {
    const info = await this.storage.stat(key);
    if (!info) return 'Foto belum terunggah; coba unggah lagi. (The photo has not been uploaded yet: try again.)';
    // Before any read: S3 refuses a range of an empty object (416) and s3rver hangs on it until its keep-alive timeout.
    if (info.size === 0) return 'File foto kosong; coba unggah lagi. (The uploaded file is empty: try again.)';
    if (info.size > MAX_PHOTO_BYTES) return tooLargeMessage();
    const type = detectImageType(await this.storage.head(key, MAGIC_BYTES_NEEDED));
    return type === 'heic' || type === 'unknown' ? unsupportedMessage(type) : null;
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
  async attachProductPhoto(ctx: RequestContext, productId: string, key: string, alt: string): Promise<ProductPhoto> {
    const { acting } = await this.catalog.managedProduct(ctx, productId);
    if (!key.startsWith(`uploads/${productId}/`) || !isUuid(key.slice(`uploads/${productId}/`.length))) throw badInput('key', 'Unggahan tidak dikenal untuk produk ini. (Unknown upload for this product.)');
    const cleanAlt = alt.trim();
    if (cleanAlt.length > PHOTO_ALT_MAX_LENGTH) throw badInput('alt', `Keterangan foto paling banyak ${PHOTO_ALT_MAX_LENGTH} huruf. (Alt text: at most ${PHOTO_ALT_MAX_LENGTH} characters.)`);
    const problem = await this.uploadedPhotoProblem(key);
    if (problem) throw badInput('key', problem);
    const type = detectImageType(await this.storage.head(key, MAGIC_BYTES_NEEDED)) as keyof typeof CONTENT_TYPES;
    const { width = 0, height = 0 } = await sharp(await this.storage.get(key), { limitInputPixels: false })
      .metadata()
      .catch(() => {
        throw badInput('key', UNREADABLE);
      });
    if (width * height > MAX_INPUT_PIXELS) throw badInput('key', `Foto terlalu besar (${Math.round((width * height) / 1e6)} megapiksel, paling banyak 50). (Too many pixels: at most 50 megapixels.)`);
    if (await this.photos.keyInUse(ctx, key)) throw userError('CONFLICT', 'Foto ini sudah dipasang. (This upload is already attached.)');

    await this.catalog.lockProductForUpdate(ctx, productId);
    const existing = await this.photos.findByProductId(ctx, productId);
    if (existing.length >= MAX_PHOTOS_PER_PRODUCT) throw badInput('productId', `Paling banyak ${MAX_PHOTOS_PER_PRODUCT} foto per produk. (At most ${MAX_PHOTOS_PER_PRODUCT} photos a product.)`);
    const stored = await this.photos.save(ctx, { id: randomUUID(), productId, position: existing.length, alt: cleanAlt, originalKey: key, width, height, status: PhotoStatus.PROCESSING, failureReason: null });
    await this.audit.recordForSeller(ctx, acting, { action: 'PHOTO_ADDED', ...productSubject(productId), before: null, after: { photoId: stored.id, alt: cleanAlt, contentType: CONTENT_TYPES[type] } });
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
      await this.photos.finishProcessing(ctx, photo.id, { status: PhotoStatus.FAILED, failureReason: UNREADABLE });
      return;
    }
    for (const size of Object.values(PhotoSize)) await this.storage.put(variantKey(photo.id, size), variants.variants[size], 'image/webp');
    await this.photos.finishProcessing(ctx, photo.id, { width: variants.width, height: variants.height, status: PhotoStatus.READY, failureReason: null });
  }

  /** Every attempt of the job failed or died with its process: the seller is told, not left waiting. */
  async giveUpOnPhoto(ctx: RequestContext, photoId: string): Promise<void> {
    if (await this.photos.finishProcessing(ctx, photoId, { status: PhotoStatus.FAILED, failureReason: 'Foto belum dapat diproses; coba unggah lagi. (The photo could not be processed: upload it again.)' })) {
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

  /** Puts the photos in the given order (every photo of the product, each once). */
  async reorderProductPhotos(ctx: RequestContext, productId: string, photoIds: string[]): Promise<ProductPhoto[]> {
    const { acting } = await this.catalog.managedProduct(ctx, productId);
    await this.catalog.lockProductForUpdate(ctx, productId);
    const photos = await this.photos.findByProductId(ctx, productId);
    const current = photos.map((photo) => photo.id);
    if (photoIds.length !== current.length || new Set(photoIds).size !== photoIds.length || !photoIds.every((id) => current.includes(id))) {
      throw badInput('photoIds', 'Sebutkan setiap foto produk ini tepat sekali. (List every photo of this product exactly once.)');
    }
    for (const photo of photos) photo.position = photoIds.indexOf(photo.id);
    await this.photos.setPositions(ctx, photos);
    await this.audit.recordForSeller(ctx, acting, { action: 'PHOTOS_REORDERED', ...productSubject(productId), before: { order: current }, after: { order: photoIds } });
    return photos.sort((a, b) => a.position - b.position).map(toProductPhotoModel);
  }

  async updatePhotoAlt(ctx: RequestContext, photoId: string, alt: string): Promise<ProductPhoto> {
    const photo = await this.ownedPhoto(ctx, photoId);
    const cleanAlt = alt.trim();
    if (cleanAlt.length > PHOTO_ALT_MAX_LENGTH) throw badInput('alt', `Keterangan foto paling banyak ${PHOTO_ALT_MAX_LENGTH} huruf. (Alt text: at most ${PHOTO_ALT_MAX_LENGTH} characters.)`);
    if (cleanAlt === photo.entity.alt) return toProductPhotoModel(photo.entity);
    await this.photos.setAlt(ctx, photoId, cleanAlt);
    await this.audit.recordForSeller(ctx, photo.acting, { action: 'PHOTO_ALT_SET', ...productSubject(photo.entity.productId), before: { alt: photo.entity.alt }, after: { alt: cleanAlt } });
    // Read again: the job may have finished the photo meanwhile.
    return toProductPhotoModel((await this.photos.findById(ctx, photoId)) ?? { ...photo.entity, alt: cleanAlt });
  }

  /** Removes a photo and closes the gap in the order; its files go once the removal is committed. */
  async removeProductPhoto(ctx: RequestContext, photoId: string): Promise<boolean> {
    const photo = await this.ownedPhoto(ctx, photoId);
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
    return true;
  }

  private async ownedPhoto(ctx: RequestContext, photoId: string): Promise<{ entity: ProductPhotoEntity; acting: ActingSeller }> {
    const entity = isUuid(photoId) ? await this.photos.findById(ctx, photoId) : null;
    if (!entity) throw userError('NOT_FOUND', 'Foto tidak ditemukan. (Photo not found.)');
    const { acting } = await this.catalog.managedProduct(ctx, entity.productId);
    return { entity, acting };
  }
}


const tooLargeMessage = () => `Foto paling besar ${MAX_PHOTO_BYTES / 1024 / 1024} MB. (Photos can be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.)`;

/** What is wrong with an upload before it starts (its type or size), by argument; null when it may go ahead. */
function uploadProblem(contentType: string, byteSize: number): { field: 'contentType' | 'byteSize'; message: string } | null {
  if (!ALLOWED_UPLOAD_TYPES.has(contentType)) return { field: 'contentType', message: unsupportedMessage(contentType.includes('hei') ? 'heic' : 'unknown') };
  if (!Number.isInteger(byteSize) || byteSize < 1 || byteSize > MAX_PHOTO_BYTES) return { field: 'byteSize', message: tooLargeMessage() };
  return null;
}

function unsupportedMessage(type: 'heic' | 'unknown'): string {
  return type === 'heic'
    ? 'Foto HEIC (iPhone) belum didukung. Ubah pengaturan kamera ke "Paling Kompatibel" atau kirim sebagai JPEG. (HEIC photos are not supported yet: use JPEG.)'
    : 'File ini bukan foto JPEG, PNG atau WebP. (This file is not a JPEG, PNG or WebP photo.)';
}
