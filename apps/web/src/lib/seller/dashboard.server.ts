import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  DashboardAssistedSellersDocument,
  DashboardAttachProductPhotoDocument,
  DashboardCreatePhotoUploadDocument,
  DashboardMeDocument,
  DashboardManagedProductDocument,
  DashboardManagedSellerDocument,
  Role,
  SellerStatus,
  type DashboardProductFieldsFragment
} from '@karya-ibu/types';
import { safeNext, withNext } from '$lib/account/next';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { errorResultMessage, isErrorResult, thrownErrorMessage } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { putToStorage } from '$lib/server/storage';
import { sellerParam, withSeller } from './acting';
import { checkPhoto, photoContentType, type PhotoProblem } from './upload';

type Event = Pick<RequestEvent, 'fetch' | 'cookies' | 'getClientAddress' | 'url' | 'locals'>;

export interface ShopSummary {
  id: string;
  slug: string;
  displayName: string;
  status: SellerStatus;
  kampungName: string;
}

export interface DashboardContext {
  displayName: string;
  /** Her account's phone (E.164), to fill in forms that ask for it again; null for an email account. */
  phone: string | null;
  isPendamping: boolean;
  /** Her own seller profile, whatever its status. */
  own: (ShopSummary & { rejectionReason: string | null }) | null;
  /** For a pendamping: the sellers of her kampung KB (the switcher). */
  assisted: ShopSummary[];
  /** The verified shop these pages manage now, or null (no shop yet, pending, or nobody chosen). */
  shop: ShopSummary | null;
  /** True when a pendamping manages someone else's shop. */
  onBehalf: boolean;
  /** `?penjual=` to keep in every link and form, only when acting for someone else. */
  sellerParam: string | null;
}

/** Anonymous visitors go to the sign-in page and come back here afterwards. */
export function requireSignedIn(event: Pick<RequestEvent, 'url' | 'locals'>): void {
  if (!event.locals.actor) redirect(303, withNext('/masuk', safeNext(`${event.url.pathname}${event.url.search}`)));
}

export async function dashboardContext(event: Event): Promise<DashboardContext> {
  requireSignedIn(event);
  const { me } = await query(event.fetch, DashboardMeDocument, {}, caller(event));
  if (!me) redirect(303, withNext('/masuk', safeNext(`${event.url.pathname}${event.url.search}`)));

  const lang = event.locals.lang;
  const isPendamping = me.roles.includes(Role.Pendamping);
  const assisted: ShopSummary[] = isPendamping
    ? (await query(event.fetch, DashboardAssistedSellersDocument, {}, caller(event))).assistedSellers.map((s) => ({
        id: s.id,
        slug: s.slug,
        displayName: s.displayName,
        status: s.status,
        kampungName: s.kampung.name
      }))
    : [];
  const own = me.seller
    ? {
        id: me.seller.id,
        slug: me.seller.slug,
        displayName: me.seller.displayName,
        status: me.seller.status,
        kampungName: me.seller.kampung.name,
        rejectionReason: me.seller.rejectionReason
      }
    : null;

  const wanted = sellerParam(event.url);
  if (wanted && wanted !== own?.id) {
    // Who may manage whose shop (her pendamping, an admin) is the API's to decide, not ours.
    const { managedSeller: helped } = await query(event.fetch, DashboardManagedSellerDocument, { id: wanted }, caller(event)).catch(
      asPageError(lang, 'seller.error.sellerNotFound', 'seller.error.notYourShop')
    );
    return {
      displayName: me.displayName,
      phone: me.phone ?? null,
      isPendamping,
      own,
      assisted,
      shop: { id: helped.id, slug: helped.slug, displayName: helped.displayName, status: helped.status, kampungName: helped.kampung.name },
      onBehalf: true,
      sellerParam: helped.id
    };
  }
  return {
    displayName: me.displayName,
    phone: me.phone ?? null,
    isPendamping,
    own,
    assisted,
    shop: own?.status === SellerStatus.Verified ? own : null,
    onBehalf: false,
    sellerParam: null
  };
}

/** Pages that manage products need a verified shop: otherwise back to the dashboard, which explains. */
export function requireShop(context: DashboardContext): ShopSummary {
  if (!context.shop) redirect(303, withSeller('/dashboard', context.sellerParam));
  return context.shop;
}

export type ManagedProduct = DashboardProductFieldsFragment;

/** One of the products she (or the seller she helps) manages, any status; 403/404 pages otherwise. */
export async function findManagedProduct(event: Event, productId: string): Promise<ManagedProduct> {
  const { managedProduct } = await query(event.fetch, DashboardManagedProductDocument, { id: productId }, caller(event)).catch(
    asPageError(event.locals.lang)
  );
  return managedProduct;
}

/** FORBIDDEN / NOT_FOUND from the API become the matching error page, in her words. */
export function asPageError(lang: Lang, notFound: MessageKey = 'seller.error.productNotFound', forbidden: MessageKey = 'error.thrown.FORBIDDEN') {
  return (cause: unknown): never => {
    if (cause instanceof ApiError) {
      if (cause.code === 'FORBIDDEN') error(403, t(lang, forbidden));
      if (cause.code === 'NOT_FOUND') error(404, t(lang, notFound));
    }
    throw cause;
  };
}

export const PHOTO_PROBLEM_KEYS = {
  heic: 'seller.photo.heic',
  type: 'seller.photo.type',
  size: 'seller.photo.size',
  empty: 'seller.photo.empty'
} as const satisfies Record<PhotoProblem, string>;

/**
 * Adds one photo without JavaScript in the browser: the same three steps the browser does with it
 * (ask for an upload URL, PUT the bytes to storage, attach), done here from the posted file.
 * Returns an error message for her, or null when the photo is on its way (PROCESSING).
 */
export async function uploadPhotoFromServer(event: Event, productId: string, file: File): Promise<string | null> {
  const lang = event.locals.lang;
  const problem = checkPhoto(file);
  if (problem) return t(lang, PHOTO_PROBLEM_KEYS[problem]);
  const contentType = photoContentType(file);
  try {
    const { createPhotoUpload } = await query(
      event.fetch,
      DashboardCreatePhotoUploadDocument,
      { productId, contentType, byteSize: file.size },
      caller(event)
    );
    if (isErrorResult(createPhotoUpload)) return errorResultMessage(lang, createPhotoUpload);
    await putToStorage(createPhotoUpload.uploadUrl, file, contentType);
    const { attachProductPhoto } = await query(
      event.fetch,
      DashboardAttachProductPhotoDocument,
      { productId, key: createPhotoUpload.key, alt: '' },
      caller(event)
    );
    return isErrorResult(attachProductPhoto) ? errorResultMessage(lang, attachProductPhoto) : null;
  } catch (cause) {
    const thrown = thrownErrorMessage(lang, cause);
    if (thrown) return thrown.message;
    console.error(JSON.stringify({ level: 'error', message: `photo upload failed: ${(cause as Error).message}` }));
    return t(lang, 'seller.photo.uploadFailed', { name: file.name });
  }
}
