import { takeFlash } from '$lib/server/flash';
import { dashboardContext } from '$lib/seller/dashboard.server';
import type { LayoutServerLoad } from './$types';

/** Signed-in accounts only; works out whose shop these pages manage (hers, or the one a pendamping helps). */
export const load: LayoutServerLoad = async (event) => ({ dashboard: await dashboardContext(event), flash: takeFlash(event.cookies) });
