import { requireStaff, TRANSFER_STAFF } from '$lib/server/staff/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => ({ confirmsTransfers: requireStaff(event).roles.some((role) => TRANSFER_STAFF.includes(role)) });
