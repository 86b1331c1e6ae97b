import { fail, redirect } from '@sveltejs/kit';
import { DashboardCreateProductDocument, DashboardMotifsDocument, MAX_PHOTOS_PER_PRODUCT } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { PHOTO_PROBLEM_KEYS, requireShop, requireSignedIn, uploadPhotoFromServer } from '$lib/seller/dashboard.server';
import { PRODUCT_API_FIELDS, validateProduct, type ProductField } from '$lib/seller/product-form';
import { checkPhoto, chosenFiles } from '$lib/seller/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const { motifs } = await query(event.fetch, DashboardMotifsDocument, {}, caller(event));
  return { motifs };
};

type Field = ProductField | 'photos';
// The API never names the photos field (they are sent after the product): the form's own check does.
const API_FIELDS: Partial<Record<string, Field>> = PRODUCT_API_FIELDS;

export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const checked = validateProduct(form, lang);
    // Without JavaScript the photos come with the form; with it, the page sends them after this.
    const files = chosenFiles<File>(form.getAll('photos'));
    const fieldErrors: Partial<Record<Field, string>> = checked.ok ? {} : { ...checked.fieldErrors };
    const problem = files.map(checkPhoto).find(Boolean);
    if (files.length > MAX_PHOTOS_PER_PRODUCT) fieldErrors.photos = t(lang, 'seller.photo.tooMany', { max: MAX_PHOTOS_PER_PRODUCT });
    else if (problem) fieldErrors.photos = t(lang, PHOTO_PROBLEM_KEYS[problem]);
    if (!checked.ok || fieldErrors.photos) {
      if (files.length > 0 && !fieldErrors.photos) fieldErrors.photos = t(lang, 'seller.form.photosAgain');
      return fail(400, { fieldErrors, formError: undefined as string | undefined, values: checked.values });
    }

    const sellerId = sellerParam(event.url);
    const created = await submit(
      event,
      query(event.fetch, DashboardCreateProductDocument, { input: { ...checked.input, sellerId } }, caller(event)).then((data) => data.createProduct),
      { fields: API_FIELDS, values: checked.values }
    );
    if (isFailure(created)) return created;
    const productId = created.id;

    let failed = 0;
    for (const file of files) if (await uploadPhotoFromServer(event, productId, file)) failed++;
    const next = withSeller(`/dashboard/produk/${productId}?baru=1${failed ? `&gagal=${failed}` : ''}`, sellerId);
    redirect(303, next);
  }
};
