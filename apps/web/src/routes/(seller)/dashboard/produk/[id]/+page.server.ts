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
import { ApiError, query } from '$lib/server/api/client';
import { failFromApi } from '$lib/server/forms/actions';
import { apiMessageIn } from '$lib/server/forms/account';
import { caller } from '$lib/server/session';
import { findManagedProduct, requireShop, requireSignedIn, uploadPhotoFromServer } from '$lib/seller/dashboard.server';
import { PRODUCT_API_FIELDS, validateProduct, valuesOf, type ProductField } from '$lib/seller/product-form';
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

/** A photo action's API error, shown beside that photo; anything else is thrown. */
function photoFail(error: unknown, photoId: string, lang: App.Locals['lang']) {
  if (error instanceof ApiError && (error.isBadUserInput || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
    return fail(400, { photoId, photoError: apiMessageIn(lang, error.message) });
  }
  throw error;
}

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
    try {
      await query(event.fetch, DashboardUpdateProductDocument, { id: event.params.id, input }, caller(event));
    } catch (error) {
      return failFromApi<ProductField, typeof checked.values>(error, PRODUCT_API_FIELDS, checked.values, lang);
    }
    return { saved: true };
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
    return { uploaded: files.length };
  },

  move: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    const direction = text(form, 'direction') === 'up' ? 'up' : 'down';
    // The order she saw; the API refuses it if it changed meanwhile (another tab, her pendamping).
    const order = text(form, 'order').split(',').filter(Boolean);
    const photoIds = movePhoto(order, photoId, direction);
    try {
      await query(event.fetch, DashboardReorderProductPhotosDocument, { productId: event.params.id, photoIds }, caller(event));
    } catch (error) {
      return photoFail(error, photoId, event.locals.lang);
    }
    return { moved: photoId };
  },

  alt: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    try {
      await query(event.fetch, DashboardUpdatePhotoAltDocument, { photoId, alt: text(form, 'alt') }, caller(event));
    } catch (error) {
      return photoFail(error, photoId, event.locals.lang);
    }
    return { altSaved: photoId };
  },

  remove: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const photoId = text(form, 'photoId');
    try {
      await query(event.fetch, DashboardRemoveProductPhotoDocument, { photoId }, caller(event));
    } catch (error) {
      return photoFail(error, photoId, event.locals.lang);
    }
    return { removed: photoId };
  }
};

