import { fail } from '@sveltejs/kit';
import { AgencyPendingSellersDocument, AgencyRejectSellerDocument, AgencyVerifySellerDocument } from '@karya-ibu/types';
import { parseReject, parseVerify, type FieldErrors, type RejectField, type VerifyField } from '$lib/agency/forms';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { pendingSellers, trainingPrograms } = await query(event.fetch, AgencyPendingSellersDocument, {}, caller(event));
  return {
    applicants: pendingSellers,
    cohorts: trainingPrograms.map((p) => ({ id: p.id, title: p.title, startDate: p.startDate })),
    flash: takeFlash(event.cookies)
  };
};

export const actions: Actions = {
  verify: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const parsed = parseVerify(await event.request.formData(), locals.lang);
    const values = { ...parsed.values, form: 'verify' as const };
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<VerifyField | RejectField>, formError: undefined, values });
    }
    const seller = await submit(event, query(event.fetch, AgencyVerifySellerDocument, parsed.input, caller(event)).then((data) => data.verifySeller), {
      fields: { trainingProgramId: 'trainingProgramId' as VerifyField | RejectField },
      values
    });
    if (isFailure(seller)) return seller;
    redirectWithFlash(event, { key: 'agency.flash.verified', params: { name: seller.displayName }, href: `/penjual/${encodeURIComponent(seller.slug)}` }, '/dinas/verifikasi');
  },

  reject: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const parsed = parseReject(await event.request.formData(), locals.lang);
    const values = { ...parsed.values, form: 'reject' as const };
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<VerifyField | RejectField>, formError: undefined, values });
    }
    const seller = await submit(event, query(event.fetch, AgencyRejectSellerDocument, parsed.input, caller(event)).then((data) => data.rejectSeller), {
      fields: { reason: 'reason' as VerifyField | RejectField },
      values
    });
    if (isFailure(seller)) return seller;
    redirectWithFlash(event, { key: 'agency.flash.rejected', params: { name: seller.displayName } }, '/dinas/verifikasi');
  }
};
