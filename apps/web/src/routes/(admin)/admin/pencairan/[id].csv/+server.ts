import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { bankFileUrl } from '$lib/money/money';
import { config } from '$lib/server/env';
import { caller } from '$lib/server/session';
import { MONEY_STAFF, requireStaff } from '$lib/server/staff/guard';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A run's bank transfer file: fetched from the API with her own token (it checks the role again) and passed on as it comes. */
export const GET: RequestHandler = async (event) => {
  requireStaff(event, MONEY_STAFF);
  const lang = event.locals.lang;
  if (!UUID.test(event.params.id)) error(404, t(lang, 'staff.payouts.fileNotFound'));
  const upstream = await event.fetch(bankFileUrl(config().apiUrl, event.params.id), {
    headers: { authorization: `Bearer ${caller(event).token ?? ''}`, accept: 'text/csv' }
  });
  if (upstream.status === 404) error(404, t(lang, 'staff.payouts.fileNotFound'));
  if (upstream.status === 401 || upstream.status === 403) error(403, t(lang, 'error.thrown.FORBIDDEN'));
  if (!upstream.ok || !upstream.body) throw new Error(`bank file: the API answered HTTP ${upstream.status}`);
  return new Response(upstream.body, {
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': upstream.headers.get('content-disposition') ?? `attachment; filename="karya-ibu-pencairan-${event.params.id}.csv"`,
      'cache-control': 'no-store'
    }
  });
};
