import { PublicImpactPageDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import type { PageServerLoad } from './$types';

/** What DP3AKB training produced, for everyone: aggregates only (the API leaves out cells under 5 people). */
export const load: PageServerLoad = async (event) => {
  const { publicImpact } = await query(event.fetch, PublicImpactPageDocument, {});
  return { impact: publicImpact };
};
