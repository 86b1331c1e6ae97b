import { error, json } from '@sveltejs/kit';
import { DashboardAttachProductPhotoDocument, DashboardCreatePhotoUploadDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { apiMessageIn } from '$lib/server/forms/account';
import { caller } from '$lib/server/session';
import { requireSignedIn } from '$lib/seller/dashboard.server';
import type { RequestHandler } from './$types';

/**
 * The browser's side of adding a photo with JavaScript: `prepare` asks for a presigned upload URL
 * (the browser then PUTs the bytes straight to storage, with progress), `attach` hands the key over.
 * The session token stays here; the API checks who may manage the product.
 */
export const POST: RequestHandler = async (event) => {
  requireSignedIn(event);
  const lang = event.locals.lang;
  const body = (await event.request.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body.step !== 'string') error(400, t(lang, 'error.badRequest'));
  const productId = event.params.id;
  try {
    if (body.step === 'prepare' && typeof body.contentType === 'string' && typeof body.byteSize === 'number') {
      const { createPhotoUpload } = await query(
        event.fetch,
        DashboardCreatePhotoUploadDocument,
        { productId, contentType: body.contentType, byteSize: body.byteSize },
        caller(event)
      );
      return json(createPhotoUpload);
    }
    if (body.step === 'attach' && typeof body.key === 'string') {
      const alt = typeof body.alt === 'string' ? body.alt : '';
      const { attachProductPhoto } = await query(
        event.fetch,
        DashboardAttachProductPhotoDocument,
        { productId, key: body.key, alt },
        caller(event)
      );
      return json(attachProductPhoto);
    }
  } catch (cause) {
    if (cause instanceof ApiError && (cause.isBadUserInput || cause.code === 'FORBIDDEN' || cause.code === 'NOT_FOUND')) {
      return json({ message: apiMessageIn(lang, cause.message) }, { status: cause.code === 'FORBIDDEN' ? 403 : 400 });
    }
    throw cause;
  }
  error(400, t(lang, 'error.badRequest'));
};
