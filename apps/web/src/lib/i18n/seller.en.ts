import type { sellerId } from './seller.id';

export const sellerEn: Record<keyof typeof sellerId, string> = {
  'seller.title': 'My shop'
};
