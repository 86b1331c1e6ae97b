import { AdminReconciliationDocument } from '@karya-ibu/types';
import { readPeriod, witaMonth } from '$lib/money/money';
import { query } from '$lib/server/api/client';
import { errorResultMessage, isErrorResult } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { MONEY_STAFF, requireStaff } from '$lib/server/staff/guard';
import type { PageServerLoad } from './$types';

/** One WITA month's reconciliation (`?bulan=YYYY-MM`, this month by default): the ledger against every other source, each difference listed. */
export const load: PageServerLoad = async (event) => {
  requireStaff(event, MONEY_STAFF);
  const asked = event.url.searchParams.get('bulan');
  const period = readPeriod(asked) ?? witaMonth();
  const { reconciliationReport: result } = await query(event.fetch, AdminReconciliationDocument, { period }, caller(event));
  return {
    period,
    // A month she typed that is not one: said beside the field, this month's report below it.
    periodError: asked !== null && readPeriod(asked) === null ? asked : null,
    report: isErrorResult(result) ? null : result,
    reportError: isErrorResult(result) ? errorResultMessage(event.locals.lang, result) : null
  };
};
