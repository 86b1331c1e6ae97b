import { error, json } from '@sveltejs/kit';
import { AreaChildrenDocument } from '@karya-ibu/types';
import { AREA_PATTERNS } from '$lib/buying/checkout';
import { query } from '$lib/server/api/client';
import type { RequestHandler } from './$types';

const PARENTS = [AREA_PATTERNS.province, AREA_PATTERNS.regency, AREA_PATTERNS.district];

/** The areas under one (`?induk=64` → its kabupaten/kota): what the checkout's pickers load in place with JavaScript. */
export const GET: RequestHandler = async ({ url, fetch }) => {
  const parent = url.searchParams.get('induk')?.trim() ?? '';
  if (!PARENTS.some((pattern) => pattern.test(parent))) error(400, 'induk: a Kemendagri code of a province, kabupaten/kota or kecamatan');
  const { areas } = await query(fetch, AreaChildrenDocument, { parentCode: parent });
  // Administrative areas change once in years: let the browser keep them a day.
  return json(areas.map(({ code, name }) => ({ code, name })), { headers: { 'cache-control': 'public, max-age=86400' } });
};
