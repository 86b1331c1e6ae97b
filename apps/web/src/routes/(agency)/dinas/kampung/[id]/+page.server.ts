import { error, fail } from '@sveltejs/kit';
import {
  AgencyAssignPendampingDocument,
  AgencyKampungsDocument,
  AgencyUnassignPendampingDocument,
  AgencyUpdateKampungDocument
} from '@karya-ibu/types';
import {
  KAMPUNG_API_FIELDS,
  parseKampung,
  parsePendamping,
  type FieldErrors,
  type KampungField,
  type PendampingField
} from '$lib/agency/forms';
import { t } from '$lib/i18n';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The API has no `kampung(id)`: the list is short (a city's kampung KB), so pick from it.
async function findKampung(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const { kampungs } = await query(event.fetch, AgencyKampungsDocument, {}, caller(event));
  const kampung = kampungs.find((k) => k.id === event.params.id);
  if (!kampung) error(404, t(event.locals.lang, 'error.notFound'));
  return kampung;
}

export const load: PageServerLoad = async (event) => ({
  kampung: await findKampung(event),
  flash: takeFlash(event.cookies)
});

async function pendamping(event: RequestEvent, mode: 'assign' | 'unassign') {
  requireAgency(event);
  const { locals } = event;
  const kampung = await findKampung(event);
  const parsed = parsePendamping(await event.request.formData(), locals.lang);
  const values = { ...parsed.values, form: 'pendamping' as const };
  if (!parsed.ok) {
    return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<PendampingField>, formError: undefined, values });
  }
  const variables = { identifier: parsed.input.identifier, kampungId: kampung.id };
  const call =
    mode === 'assign'
      ? query(event.fetch, AgencyAssignPendampingDocument, variables, caller(event)).then((data) => data.assignPendamping)
      : query(event.fetch, AgencyUnassignPendampingDocument, variables, caller(event)).then((data) => data.unassignPendamping);
  const done = await submit(event, call, { fields: { identifier: 'identifier' as PendampingField }, values });
  if (isFailure(done)) return done;
  redirectWithFlash(event, {
      key: mode === 'assign' ? 'agency.flash.pendampingAssigned' : 'agency.flash.pendampingUnassigned',
      params: { identifier: parsed.input.identifier, name: kampung.name }
    }, `/dinas/kampung/${kampung.id}`);
}

export const actions: Actions = {
  save: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const kampung = await findKampung(event);
    const parsed = parseKampung(await event.request.formData(), locals.lang);
    const values = { ...parsed.values, form: 'kampung' as const };
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<KampungField>, formError: undefined, values });
    }
    const saved = await submit(event, query(event.fetch, AgencyUpdateKampungDocument, { id: kampung.id, input: parsed.input }, caller(event)).then((data) => data.updateKampung), {
      fields: KAMPUNG_API_FIELDS,
      values
    });
    if (isFailure(saved)) return saved;
    redirectWithFlash(event, { key: 'agency.flash.kampungSaved', params: { name: saved.name } }, `/dinas/kampung/${kampung.id}`);
  },
  assign: (event) => pendamping(event, 'assign'),
  unassign: (event) => pendamping(event, 'unassign')
};
