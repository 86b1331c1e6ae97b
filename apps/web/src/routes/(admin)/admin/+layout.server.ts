import { COMMISSION_STAFF, MONEY_STAFF, requireStaff, TRANSFER_STAFF } from '$lib/server/staff/guard';
import type { LayoutServerLoad } from './$types';

/** Which tabs she sees: everyone here the orders; admins and finance the money; admins the commission. */
export const load: LayoutServerLoad = (event) => {
  const { roles } = requireStaff(event);
  const has = (allowed: readonly string[]) => roles.some((role) => allowed.includes(role));
  return { confirmsTransfers: has(TRANSFER_STAFF), handlesMoney: has(MONEY_STAFF), setsCommission: has(COMMISSION_STAFF) };
};
