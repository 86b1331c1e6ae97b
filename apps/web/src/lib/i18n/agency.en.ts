import type { agencyId } from './agency.id';

export const agencyEn: Record<keyof typeof agencyId, string> = {
  'agency.title': 'Agency'
};
