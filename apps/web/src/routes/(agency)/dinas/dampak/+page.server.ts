import { ImpactFilterOptionsDocument, ImpactReportPageDocument } from '@karya-ibu/types';
import { readFilters, toApiFilter } from '$lib/impact/filters';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/** The officer's impact page: every filter is in the URL, so the page works as a plain GET form without JavaScript. */
export const load: PageServerLoad = async (event) => {
  const filters = readFilters(event.url.searchParams);
  const [options, { impactReport }] = await Promise.all([
    query(event.fetch, ImpactFilterOptionsDocument, {}, caller(event)),
    query(event.fetch, ImpactReportPageDocument, { filter: toApiFilter(filters) }, caller(event))
  ]);
  const kecamatan = [...new Set(options.kampungs.filter((k) => k.status === 'ACTIVE').map((k) => k.kecamatan))].sort();
  return { filters, options: { ...options, kecamatan }, report: impactReport };
};
