import { HomePageDocument, KampungStatus, TrainingSkill } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import type { PageServerLoad } from './$types';

const FEATURED = 8;

export const load: PageServerLoad = async ({ fetch }) => {
  const data = await query(fetch, HomePageDocument, { featured: FEATURED });
  // The hero tells the batik course's story; numbers always come from the API.
  const batikTraining =
    data.trainingPrograms.find((program) => program.skill === TrainingSkill.Batik) ?? data.trainingPrograms[0] ?? null;
  // Active kampung first, then the target ones; alphabetical within each.
  const kampungs = [...data.kampungs].sort(
    (a, b) =>
      Number(a.status === KampungStatus.Target) - Number(b.status === KampungStatus.Target) ||
      a.name.localeCompare(b.name, 'id')
  );
  return {
    batikTraining,
    trainings: data.trainingPrograms,
    kampungs,
    featured: data.products.edges.map((edge) => edge.node)
  };
};
