import { error } from '@sveltejs/kit';
import { ImpactExportStatusDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/** A long export's progress: the page refreshes itself (no JavaScript needed) until the file is ready. */
export const load: PageServerLoad = async (event) => {
  try {
    const { impactExport } = await query(event.fetch, ImpactExportStatusDocument, { id: event.params.id }, caller(event));
    return { exported: impactExport };
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.isBadUserInput)) error(404, t(event.locals.lang, 'error.notFound'));
    throw err;
  }
};
