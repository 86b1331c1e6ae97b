import { t, type Lang, type MessageKey } from '$lib/i18n';

/** One history entry as the API gives it (`sellerActivity`). */
export interface ActivityEntry {
  action: string;
  actorName: string;
  onBehalf: boolean;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  createdAt: string;
}

const PRODUCT_ACTIONS: Record<string, MessageKey> = {
  PRODUCT_CREATED: 'seller.activity.PRODUCT_CREATED',
  PRODUCT_UPDATED: 'seller.activity.PRODUCT_UPDATED',
  PRODUCT_ARCHIVED: 'seller.activity.PRODUCT_ARCHIVED',
  PRODUCT_STOCK_SET: 'seller.activity.PRODUCT_STOCK_SET',
  PHOTO_ADDED: 'seller.activity.PHOTO_ADDED',
  PHOTOS_REORDERED: 'seller.activity.PHOTOS_REORDERED',
  PHOTO_ALT_SET: 'seller.activity.PHOTO_ALT_SET',
  PHOTO_REMOVED: 'seller.activity.PHOTO_REMOVED'
};

const SELLER_ACTIONS: Record<string, MessageKey> = {
  SELLER_APPLIED: 'seller.activity.SELLER_APPLIED',
  SELLER_VERIFIED: 'seller.activity.SELLER_VERIFIED',
  SELLER_REJECTED: 'seller.activity.SELLER_REJECTED'
};

/** Actions someone else takes about her (a review), not for her: "oleh", not "dibantu oleh". */
const REVIEWS = new Set(['SELLER_VERIFIED', 'SELLER_REJECTED']);

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * What happened, in plain words: `Menambahkan produk "Batik Kawung"`. `titles` names products by id
 * for entries whose snapshot has no title (photo changes).
 */
export function activityText(entry: ActivityEntry, lang: Lang, titles: ReadonlyMap<string, string> = new Map()): string {
  const after = parse(entry.after);
  const before = parse(entry.before);
  const productKey = PRODUCT_ACTIONS[entry.action];
  if (productKey) {
    const named = typeof after.title === 'string' ? after.title : typeof before.title === 'string' ? before.title : undefined;
    const title = named ?? titles.get(entry.subjectId) ?? t(lang, 'seller.activity.aProduct');
    const stock = typeof after.stock === 'number' ? after.stock : '?';
    return t(lang, productKey, { title, stock });
  }
  const sellerKey = SELLER_ACTIONS[entry.action];
  if (sellerKey) return t(lang, sellerKey);
  return t(lang, 'seller.activity.other', { action: entry.action.toLowerCase().replace(/_/g, ' ') });
}

/** Who did it, when it was not she herself: "dibantu oleh Pendamping Karang Jati (demo)". */
export function activityHelper(entry: ActivityEntry, lang: Lang): string | null {
  if (!entry.onBehalf) return null;
  return t(lang, REVIEWS.has(entry.action) ? 'seller.activity.by' : 'seller.activity.helpedBy', { name: entry.actorName });
}
