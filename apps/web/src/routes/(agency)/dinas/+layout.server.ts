import { isOfficer } from '$lib/agency/access';
import { requireAgency } from '$lib/server/agency/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const actor = requireAgency(event);
  // A pendamping sees only the queue in the menu.
  return { officer: isOfficer(actor.roles) };
};
