import { fail } from '@sveltejs/kit';
import {
  DashboardMotifsDocument,
  DashboardRemoveProductPhotoDocument,
  DashboardReorderProductPhotosDocument,
  DashboardUpdatePhotoAltDocument,
  DashboardUpdateProductDocument,
  MAX_PHOTOS_PER_PRODUCT,
  ProductStatus
} from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { backTo, redirectWithFlash } from '$lib/server/flash';
import { caller } from '$lib/server/session';
import { findManagedProduct, requireShop, requireSignedIn, uploadPhotoFromServer } from '$lib/seller/dashboard.server';
import { PRODUCT_API_FIELDS, validateProduct, valuesOf } from '$lib/seller/product-form';
import { chosenFiles, movePhoto } from '$lib/seller/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const [product, { motifs }] = await Promise.all([
    findManagedProduct(event, event.params.id),
    query(event.fetch, DashboardMotifsDocument, {}, caller(event))
  ]);
  const photos = [...product.managedPhotos].sort((a, b) => a.position - b.position);
  return {
    product: { ...product, managedPhotos: photos },
    values: valuesOf(product),
    motifs,
    created: event.url.searchParams.has('baru'),
    failedUploads: Number(event.url.searchParams.get('gagal')) || 0
  };
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const actions: Actions = {
  save: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const checked = validateProduct(form, lang);
    if (!checked.ok) return fail(400, { fieldErrors: checked.fieldErrors, formError: undefined as string | undefined, values: checked.values });
    // An archived product stays archived when its details are corrected.
    const { status, ...rest } = checked.input;
    const input = text(form, 'archived') === '1' ? rest : { ...rest, status: status as ProductStatus };
    const saved = await submit(event, query(event.fetch, DashboardUpdateProductDocument, { id: event.params.id, input }, caller(event)).then((data) => data.updateProduct), {
      fields: PRODUCT_API_FIELDS,
      values: checked.values
    });
    if (isFailure(saved)) return saved;
    redirectWithFlash(event, { key: 'seller.flash.saved', params: { title: saved.title } });
  },

  /** Without JavaScript: the photos come with the form and this server sends them to storage. */
  addPhotos: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const files = chosenFiles<File>(form.getAll('photos'));
    if (files.length === 0) return fail(400, { uploadError: t(lang, 'seller.error.required') });
    if (files.length > MAX_PHOTOS_PER_PRODUCT) return fail(400, { uploadError: t(lang, 'seller.photo.tooMany', { max: MAX_PHOTOS_PER_PRODUCT }) });
    const problems: string[] = [];
    for (const file of files) {
      const problem = await uploadPhotoFromServer(event, event.params.id, file);
      if (problem) problems.push(t(lang, 'seller.photo.failedNamed', { name: file.name, message: problem }));
    }
    if (problems.length) return fail(400, { uploadError: problems.join(' ') });
    redirectWithFlash(event, { key: 'seller.flash.photosAdded', params: { count: String(files.length) } }, backTo(event.url, 'photos-heading'));
  },

  move: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    const direction = text(form, 'direction') === 'up' ? 'up' : 'down';
    // The order she saw; the API refuses it if it changed meanwhile (another tab, her pendamping).
    const order = text(form, 'order').split(',').filter(Boolean);
    const photoIds = movePhoto(order, photoId, direction);
    // A photo's failure names the photo: it is shown beside it.
    const moved = await submit(event, query(event.fetch, DashboardReorderProductPhotosDocument, { productId: event.params.id, photoIds }, caller(event)).then((data) => data.reorderProductPhotos), {
      values: { photoId }
    });
    if (isFailure(moved)) return moved;
    // Back to the photo only when it is one of hers (the API took the order): the id goes into the Location header.
    redirectWithFlash(event, { key: 'seller.flash.photoMoved', params: {} }, backTo(event.url, photoIds.includes(photoId) ? `foto-${photoId}` : 'photos-heading'));
  },

  alt: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    const saved = await submit(event, query(event.fetch, DashboardUpdatePhotoAltDocument, { photoId, alt: text(form, 'alt') }, caller(event)).then((data) => data.updatePhotoAlt), {
      values: { photoId }
    });
    if (isFailure(saved)) return saved;
    redirectWithFlash(event, { key: 'seller.flash.altSaved', params: {} }, backTo(event.url, `foto-${photoId}`));
  },

  remove: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    const removed = await submit(event, query(event.fetch, DashboardRemoveProductPhotoDocument, { photoId }, caller(event)).then((data) => data.removeProductPhoto), {
      values: { photoId }
    });
    if (isFailure(removed)) return removed;
    redirectWithFlash(event, { key: 'seller.flash.photoRemoved', params: {} }, backTo(event.url, 'photos-heading'));
  }
};

