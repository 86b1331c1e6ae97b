import { fail } from '@sveltejs/kit';
import { AgencyCreateKampungDocument, AgencyKampungsDocument } from '@karya-ibu/types';
import { KAMPUNG_API_FIELDS, parseKampung, type FieldErrors, type KampungField } from '$lib/agency/forms';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { kampungs } = await query(event.fetch, AgencyKampungsDocument, {}, caller(event));
  return { kampungs, flash: takeFlash(event.cookies) };
};

export const actions: Actions = {
  create: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const parsed = parseKampung(await event.request.formData(), locals.lang);
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<KampungField>, formError: undefined, values: parsed.values });
    }
    const kampung = await submit(event, query(event.fetch, AgencyCreateKampungDocument, { input: parsed.input }, caller(event)).then((data) => data.createKampung), {
      fields: KAMPUNG_API_FIELDS,
      values: parsed.values
    });
    if (isFailure(kampung)) return kampung;
    redirectWithFlash(event, { key: 'agency.flash.kampungCreated', params: { name: kampung.name } }, '/dinas/kampung');
  }
};
