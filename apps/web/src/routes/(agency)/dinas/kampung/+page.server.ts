import { fail, redirect } from '@sveltejs/kit';
import { AgencyCreateKampungDocument, AgencyKampungsDocument } from '@karya-ibu/types';
import { KAMPUNG_API_FIELDS, parseKampung, type FieldErrors, type KampungField } from '$lib/agency/forms';
import { agencyFail } from '$lib/server/agency/fail';
import { setFlash, takeFlash } from '$lib/server/agency/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
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
    let kampung;
    try {
      ({ createKampung: kampung } = await query(event.fetch, AgencyCreateKampungDocument, { input: parsed.input }, caller(event)));
    } catch (error) {
      return agencyFail<KampungField, typeof parsed.values>(error, KAMPUNG_API_FIELDS, parsed.values, locals.lang);
    }
    setFlash(event.cookies, { key: 'agency.flash.kampungCreated', params: { name: kampung.name } }, event.url.protocol === 'https:');
    redirect(303, '/dinas/kampung');
  }
};
