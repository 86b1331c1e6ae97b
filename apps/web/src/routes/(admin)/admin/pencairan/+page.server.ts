import { fail, redirect } from '@sveltejs/kit';
import { AdminCreatePayoutRunDocument, AdminMarkPayoutFailedDocument, AdminMarkPayoutPaidDocument, AdminPayoutRunsDocument, parseRupiahInput } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { MONEY_STAFF, requireStaff } from '$lib/server/staff/guard';
import type { Actions, PageServerLoad } from './$types';

const RUNS = 10;
const DEFAULT_MINIMUM = '50000';

/** Payout runs, newest first, each with its payouts to mark paid (the bank's reference) or failed (why). */
export const load: PageServerLoad = async (event) => {
  requireStaff(event, MONEY_STAFF);
  const { payoutRuns } = await query(event.fetch, AdminPayoutRunsDocument, { first: RUNS }, caller(event));
  return { runs: payoutRuns, defaultMinimum: DEFAULT_MINIMUM, done: event.url.searchParams.get('selesai'), run: event.url.searchParams.get('run') };
};

const done = (what: string, anchor: string) => `/admin/pencairan?selesai=${what}#${anchor}`;

export const actions: Actions = {
  buat: async (event) => {
    requireStaff(event, MONEY_STAFF);
    const values = { minimum: String((await event.request.formData()).get('minimum') ?? '').trim() };
    const minimum = values.minimum ? parseRupiahInput(values.minimum) : BigInt(DEFAULT_MINIMUM);
    if (minimum === null || minimum < 1n) return fail(400, { fieldErrors: { minimum: t(event.locals.lang, 'staff.payouts.minimumInvalid') }, formError: undefined, values });
    const run = await submit(
      event,
      query(event.fetch, AdminCreatePayoutRunDocument, { input: { minimumIdr: minimum.toString() } }, caller(event)).then((r) => r.createPayoutRun),
      { fields: { 'input.minimumIdr': 'minimum' }, values }
    );
    if (isFailure(run)) return run;
    redirect(303, `/admin/pencairan?selesai=dibuat&run=${run.number}#run-${run.id}`);
  },

  bayar: async (event) => {
    requireStaff(event, MONEY_STAFF);
    const form = await event.request.formData();
    const values = { payoutId: String(form.get('payoutId') ?? ''), reference: String(form.get('reference') ?? '').trim() };
    if (!values.reference) return fail(400, { fieldErrors: { reference: t(event.locals.lang, 'staff.payouts.referenceRequired') }, formError: undefined, values });
    const paid = await submit(
      event,
      query(event.fetch, AdminMarkPayoutPaidDocument, { payoutId: values.payoutId, reference: values.reference }, caller(event)).then((r) => r.markPayoutPaid),
      { fields: { reference: 'reference' }, values }
    );
    if (isFailure(paid)) return paid;
    redirect(303, done('dibayar', `payout-${paid.id}`));
  },

  gagal: async (event) => {
    requireStaff(event, MONEY_STAFF);
    const form = await event.request.formData();
    const values = { payoutId: String(form.get('payoutId') ?? ''), reason: String(form.get('reason') ?? '').trim() };
    if (!values.reason) return fail(400, { fieldErrors: { reason: t(event.locals.lang, 'staff.payouts.reasonRequired') }, formError: undefined, values });
    const failed = await submit(
      event,
      query(event.fetch, AdminMarkPayoutFailedDocument, { payoutId: values.payoutId, reason: values.reason }, caller(event)).then((r) => r.markPayoutFailed),
      { fields: { reason: 'reason' }, values }
    );
    if (isFailure(failed)) return failed;
    redirect(303, done('gagal', `payout-${failed.id}`));
  }
};
