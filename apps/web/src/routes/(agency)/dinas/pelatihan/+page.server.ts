import { fail } from '@sveltejs/kit';
import { AgencyCreateTrainingProgramDocument, AgencyTrainingProgramsDocument } from '@karya-ibu/types';
import { parseTraining, TRAINING_API_FIELDS, type FieldErrors, type TrainingField } from '$lib/agency/forms';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
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
    const program = await submit(event, query(event.fetch, AgencyCreateTrainingProgramDocument, { input: parsed.input }, caller(event)).then((data) => data.createTrainingProgram), {
      fields: TRAINING_API_FIELDS,
      values: parsed.values
    });
    if (isFailure(program)) return program;
    redirectWithFlash(event, { key: 'agency.flash.trainingCreated', params: { name: program.title } }, `/dinas/pelatihan/${program.id}`);
  }
};
