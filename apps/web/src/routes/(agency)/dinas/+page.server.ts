import { AgencyOverviewDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { pendingSellers, kampungs, trainingPrograms } = await query(event.fetch, AgencyOverviewDocument, {}, caller(event));
  return {
    counts: {
      waiting: pendingSellers.length,
      active: kampungs.filter((k) => k.status === 'ACTIVE').length,
      target: kampungs.filter((k) => k.status === 'TARGET').length,
      cohorts: trainingPrograms.length
    }
  };
};
