/**
 * Limits that the storefront's forms and the API both apply: the API is the authority, the forms
 * check the same numbers first so a person sees every problem at once, beside its field.
 */

/** An inclusive range: of a text's length in characters, or of a whole number. */
export type Bounds = { readonly min: number; readonly max: number };

export const within = (value: number, { min, max }: Bounds): boolean => value >= min && value <= max;

// --- Products ----------------------------------------------------------------------------------

/**
 * The most a seller may ask for one product. Their batik and bags sell for tens of thousands to a
 * few million rupiah; the cap leaves room for an exceptional piece and refuses slips of the keyboard.
 */
export const MAX_PRODUCT_PRICE_IDR = 100_000_000n;
/**
 * The highest bound a buyer may put on a price search: any "up to" above every product's price
 * means "no limit" and is accepted, while the number stays far inside PostgreSQL's bigint.
 */
export const MAX_PRICE_FILTER_IDR = 100_000_000_000n;
export const PRODUCT_STOCK: Bounds = { min: 0, max: 10_000 };
export const PRODUCT_WEIGHT_GRAMS: Bounds = { min: 1, max: 50_000 };
/** Each packed dimension, for volumetric shipping weight. */
export const PRODUCT_DIMENSION_CM: Bounds = { min: 1, max: 200 };
export const PRODUCT_HOURS_OF_WORK: Bounds = { min: 1, max: 2_000 };
export const PRODUCT_TITLE_LENGTH: Bounds = { min: 3, max: 120 };
export const PRODUCT_MATERIAL_LENGTH: Bounds = { min: 2, max: 120 };
export const PRODUCT_DESCRIPTION_LENGTH: Bounds = { min: 10, max: 5_000 };
export const PRODUCT_SIZE_LENGTH: Bounds = { min: 1, max: 60 };
export const PHOTO_ALT_MAX_LENGTH = 200;
export const MAX_PHOTOS_PER_PRODUCT = 8;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Characters of a catalog search text. */
export const SEARCH_MAX_LENGTH = 100;

// --- People --------------------------------------------------------------------------------------

/** An account's or a seller's name. */
export const DISPLAY_NAME_LENGTH: Bounds = { min: 2, max: 80 };
export const PASSWORD_LENGTH: Bounds = { min: 8, max: 200 };
export const EMAIL_MAX_LENGTH = 254;
/** Digits of a password reset code. */
export const RESET_CODE_LENGTH = 6;
export const SELLER_STORY_LENGTH: Bounds = { min: 10, max: 1_000 };
/** Why an application was rejected: said to the applicant, so never a single word. */
export const REJECTION_REASON_LENGTH: Bounds = { min: 5, max: 500 };

// --- DP3AKB: kampung KB, training cohorts, rosters ----------------------------------------------------

/** A kampung KB's name, kelurahan and kecamatan. */
export const KAMPUNG_NAME_LENGTH: Bounds = { min: 2, max: 80 };
export const TRAINING_TITLE_LENGTH: Bounds = { min: 3, max: 120 };
/** A cohort's provider and location. */
export const TRAINING_PLACE_LENGTH: Bounds = { min: 2, max: 120 };
export const TRAINING_DESCRIPTION_MAX_LENGTH = 5_000;
export const TRAINING_PARTICIPANTS: Bounds = { min: 0, max: 10_000 };
export const MAX_TRAINING_BUDGET_IDR = 100_000_000_000n;
export const MAX_ROSTER_ROWS = 5_000;
export const MAX_ROSTER_CSV_CHARS = 2_000_000;
