import { error, json } from '@sveltejs/kit';
import { DashboardAttachProductPhotoDocument, DashboardCreatePhotoUploadDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { errorResultMessage, isErrorResult, thrownErrorMessage } from '$lib/server/forms/result';
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
      if (isErrorResult(createPhotoUpload)) return json({ message: errorResultMessage(lang, createPhotoUpload) }, { status: 400 });
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
      if (isErrorResult(attachProductPhoto)) return json({ message: errorResultMessage(lang, attachProductPhoto) }, { status: 400 });
      return json(attachProductPhoto);
    }
  } catch (cause) {
    // Words for what she can act on (too many tries, not hers); anything else is the error page's.
    const thrown = thrownErrorMessage(lang, cause);
    if (thrown) return json({ message: thrown.message }, { status: thrown.status });
    throw cause;
  }
  error(400, t(lang, 'error.badRequest'));
};
