import { fail, redirect } from '@sveltejs/kit';
import { AgencyCreateTrainingProgramDocument, AgencyTrainingProgramsDocument } from '@karya-ibu/types';
import { parseTraining, TRAINING_API_FIELDS, type FieldErrors, type TrainingField } from '$lib/agency/forms';
import { agencyFail } from '$lib/server/agency/fail';
import { setFlash, takeFlash } from '$lib/server/agency/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { trainingPrograms } = await query(event.fetch, AgencyTrainingProgramsDocument, {}, caller(event));
  return { programs: trainingPrograms, flash: takeFlash(event.cookies) };
};

export const actions: Actions = {
  create: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const parsed = parseTraining(await event.request.formData(), locals.lang);
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<TrainingField>, formError: undefined, values: parsed.values });
    }
    let program;
    try {
      ({ createTrainingProgram: program } = await query(
        event.fetch,
        AgencyCreateTrainingProgramDocument,
        { input: parsed.input },
        caller(event)
      ));
    } catch (error) {
      return agencyFail<TrainingField, typeof parsed.values>(error, TRAINING_API_FIELDS, parsed.values, locals.lang);
    }
    setFlash(event.cookies, { key: 'agency.flash.trainingCreated', params: { name: program.title } }, event.url.protocol === 'https:');
    redirect(303, `/dinas/pelatihan/${program.id}`);
  }
};
