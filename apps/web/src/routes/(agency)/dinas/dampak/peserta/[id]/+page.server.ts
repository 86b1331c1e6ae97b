import { error } from '@sveltejs/kit';
import { ImpactParticipantDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/** One participant's income after training, for officers and her pendamping (the API decides who). */
export const load: PageServerLoad = async (event) => {
  try {
    const { participantImpact } = await query(event.fetch, ImpactParticipantDocument, { sellerId: event.params.id }, caller(event));
    return { participant: participantImpact };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'FORBIDDEN') error(403, t(event.locals.lang, 'agency.forbidden.message'));
    if (err instanceof ApiError && (err.code === 'NOT_FOUND' || err.isBadUserInput)) error(404, t(event.locals.lang, 'error.notFound'));
    throw err;
  }
};
