import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Finance lands on the transfers to confirm; everyone else on the orders. */
export const load: PageServerLoad = async ({ parent }) => {
  const { confirmsTransfers } = await parent();
  redirect(303, confirmsTransfers ? '/admin/transfer' : '/admin/pesanan');
};
