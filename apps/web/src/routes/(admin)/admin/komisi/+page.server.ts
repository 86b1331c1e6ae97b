import { fail, redirect } from '@sveltejs/kit';
import { AdminCommissionRulesDocument, AdminCommissionSellersDocument, AdminSetCommissionRuleDocument, AgencyTrainingProgramsDocument, CommissionScope, ProductCategory, parseRupiahInput } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { parsePercent } from '$lib/money/money';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { COMMISSION_STAFF, requireStaff } from '$lib/server/staff/guard';
import type { Actions, PageServerLoad } from './$types';

const SCOPES = Object.values(CommissionScope) as string[];
const FIELDS = {
  'input.scope': 'scope',
  'input.rateBasisPoints': 'rate',
  'input.floorIdr': 'floor',
  'input.capIdr': 'cap',
  'input.sellerId': 'sellerId',
  'input.category': 'category',
  'input.trainingProgramId': 'trainingProgramId',
  'input.monthsAfterTraining': 'monthsAfterTraining',
  'input.note': 'note'
} as const;
type Field = 'rate' | 'floor' | 'cap' | 'monthsAfterTraining';

/** The commission rules, active first, and the form that adds one or changes one (`?ubah=<id>`). */
export const load: PageServerLoad = async (event) => {
  requireStaff(event, COMMISSION_STAFF);
  const [{ commissionRules }, { trainingPrograms }, { kampungs }] = await Promise.all([
    query(event.fetch, AdminCommissionRulesDocument, {}, caller(event)),
    query(event.fetch, AgencyTrainingProgramsDocument, {}, caller(event)),
    query(event.fetch, AdminCommissionSellersDocument, {}, caller(event))
  ]);
  const sellers = kampungs
    .flatMap((kampung) => kampung.sellers.map((seller) => ({ id: seller.id, label: `${seller.displayName} — ${kampung.name}` })))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  const editing = commissionRules.find((rule) => rule.id === event.url.searchParams.get('ubah')) ?? null;
  return {
    rules: commissionRules,
    programs: trainingPrograms.map((program) => ({ id: program.id, title: program.title })),
    sellers,
    editing,
    scopes: SCOPES,
    categories: Object.values(ProductCategory) as string[],
    saved: event.url.searchParams.get('tersimpan') === '1'
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireStaff(event, COMMISSION_STAFF);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const values = {
      id: text('id'),
      scope: text('scope'),
      rate: text('rate'),
      floor: text('floor'),
      cap: text('cap'),
      sellerId: text('sellerId'),
      category: text('category'),
      trainingProgramId: text('trainingProgramId'),
      monthsAfterTraining: text('monthsAfterTraining'),
      note: text('note'),
      active: form.get('active') === 'on'
    };
    const fieldErrors: Partial<Record<Field, string>> = {};
    const rate = parsePercent(values.rate);
    if (rate === null) fieldErrors.rate = t(lang, 'staff.commission.rateInvalid');
    const rupiah = (field: 'floor' | 'cap') => {
      if (!values[field]) return null;
      const amount = parseRupiahInput(values[field]);
      if (amount === null) fieldErrors[field] = t(lang, 'staff.commission.amountInvalid');
      return amount === null ? null : amount.toString();
    };
    const floorIdr = rupiah('floor');
    const capIdr = rupiah('cap');
    const months = values.monthsAfterTraining ? Number(values.monthsAfterTraining) : null;
    if (months !== null && !(Number.isInteger(months) && months >= 1)) fieldErrors.monthsAfterTraining = t(lang, 'staff.commission.monthsInvalid');
    if (rate === null || Object.keys(fieldErrors).length) return fail(400, { fieldErrors, formError: undefined, values });

    const scope = (SCOPES.includes(values.scope) ? values.scope : CommissionScope.Default) as CommissionScope;
    const input = {
      id: values.id || null,
      scope,
      rateBasisPoints: rate,
      floorIdr,
      capIdr,
      active: values.active,
      note: values.note || null,
      sellerId: scope === CommissionScope.Seller ? values.sellerId || null : null,
      category: scope === CommissionScope.Category ? ((values.category || null) as ProductCategory | null) : null,
      trainingProgramId: scope === CommissionScope.TrainingProgram ? values.trainingProgramId || null : null,
      monthsAfterTraining: scope === CommissionScope.TrainingProgram ? months : null
    };
    const rule = await submit(event, query(event.fetch, AdminSetCommissionRuleDocument, { input }, caller(event)).then((r) => r.setCommissionRule), { fields: FIELDS, values });
    if (isFailure(rule)) return rule;
    redirect(303, '/admin/komisi?tersimpan=1');
  }
};
