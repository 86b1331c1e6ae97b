import { error, redirect } from '@sveltejs/kit';
import { ExportFormat, ImpactExportStatusDocument, ImpactRequestExportDocument } from '@karya-ibu/types';
import { withNext } from '$lib/account/next';
import { isOfficer } from '$lib/agency/access';
import { t } from '$lib/i18n';
import { readFilters, toApiFilter } from '$lib/impact/filters';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { RequestHandler } from './$types';

const FORMATS: Record<string, ExportFormat> = { csv: ExportFormat.Csv, xlsx: ExportFormat.Xlsx, pdf: ExportFormat.Pdf };
/** How long the download waits for the job before showing its progress page instead. */
const WAIT_MS = 6_000;

/**
 * `GET /laporan/dampak.(csv|xlsx|pdf)?…` with the filters of /dinas/dampak (and `nama=1` for names):
 * asks the API for the file (a job, logged), waits a few seconds, then sends the browser to the
 * private file's short-lived link, or to the progress page when the job takes longer.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, url, params } = event;
  if (!locals.actor) redirect(303, withNext('/masuk', `${url.pathname}${url.search}`));
  if (!isOfficer(locals.actor.roles)) error(403, t(locals.lang, 'agency.forbidden.message'));
  const format = FORMATS[params.format];
  if (!format) error(404, t(locals.lang, 'error.notFound'));
  const { requestImpactExport: requested } = await query(
    event.fetch,
    ImpactRequestExportDocument,
    { filter: toApiFilter(readFilters(url.searchParams)), format, withNames: url.searchParams.get('nama') === '1' },
    caller(event)
  );
  if (requested.__typename !== 'ImpactExport') error(400, t(locals.lang, 'error.badRequest'));
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { impactExport } = await query(event.fetch, ImpactExportStatusDocument, { id: requested.id }, caller(event));
    if (impactExport.status === 'READY' && impactExport.downloadUrl) redirect(303, impactExport.downloadUrl);
    if (impactExport.status === 'FAILED') break;
  }
  redirect(303, `/dinas/dampak/ekspor/${requested.id}`);
};
