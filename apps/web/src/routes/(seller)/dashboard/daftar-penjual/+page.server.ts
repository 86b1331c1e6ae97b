import { fail, redirect } from '@sveltejs/kit';
import { DashboardApplyAsSellerDocument, DashboardApplyOptionsDocument, KampungStatus } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { APPLY_API_FIELDS, localPhone, validateApply } from '$lib/seller/apply-form';
import { requireSignedIn } from '$lib/seller/dashboard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  // One application per account: whoever has one sees its status on the dashboard.
  if (dashboard.own) redirect(303, '/dashboard');
  const { kampungs, trainingPrograms } = await query(event.fetch, DashboardApplyOptionsDocument, {}, caller(event));
  return {
    kampungs: kampungs.filter((k) => k.status === KampungStatus.Active).map((k) => ({ id: k.id, name: k.name })),
    trainingPrograms: trainingPrograms.map((p) => ({ id: p.id, title: p.title, year: p.startDate.slice(0, 4) })),
    accountName: dashboard.displayName,
    // She gave this number when she registered: the WhatsApp field starts with it.
    accountPhone: localPhone(dashboard.phone)
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const checked = validateApply(form, lang);
    if (!checked.ok) return fail(400, { fieldErrors: checked.fieldErrors, formError: undefined as string | undefined, values: checked.values });
    const applied = await submit(
      event,
      query(event.fetch, DashboardApplyAsSellerDocument, { input: checked.input }, caller(event)).then((data) => data.applyAsSeller),
      { fields: APPLY_API_FIELDS, values: checked.values }
    );
    if (isFailure(applied)) return applied;
    redirect(303, '/dashboard');
  }
};
