import { EXAMPLE_ROSTER_CSV } from '$lib/agency/csv';
import type { RequestHandler } from './$types';

/** The example roster file offered beside the import form (sample people, not real data). */
export const GET: RequestHandler = () =>
  new Response(`\uFEFF${EXAMPLE_ROSTER_CSV}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="contoh-daftar-peserta.csv"',
      'cache-control': 'public, max-age=3600'
    }
  });
