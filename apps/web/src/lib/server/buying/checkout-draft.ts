import type { Cookies } from '@sveltejs/kit';
import {
  ADDRESS_LABEL_LENGTH,
  DISPLAY_NAME_LENGTH,
  EMAIL_MAX_LENGTH,
  normalizeEmail,
  normalizeIndonesianPhone,
  PaymentMethod,
  POSTAL_CODE_PATTERN,
  STREET_LENGTH,
  within
} from '@karya-ibu/types';
import { consistentAreas } from '$lib/buying/checkout';
import { t, type Lang } from '$lib/i18n';
import { buyingCookieOptions } from './cookies';

/**
 * What the buyer has filled in at checkout so far. It lives in an HTTP-only cookie on /checkout, so
 * each step without JavaScript (choose the province → the kabupaten/kota appear → …) is a POST that
 * saves it and redirects back, and a reload or the back button never loses or resends anything.
 */
export interface CheckoutDraft {
  name: string;
  phone: string;
  email: string;
  /** A saved address's id, or '' for the address typed below. */
  addressId: string;
  recipientName: string;
  recipientPhone: string;
  province: string;
  regency: string;
  district: string;
  village: string;
  postalCode: string;
  street: string;
  /** Signed in: keep this new address in her book (as `addressLabel`). */
  saveAddress: boolean;
  addressLabel: string;
  /** Seller id → shipping option code. */
  shipping: Record<string, string>;
  paymentMethod: PaymentMethod | '';
  /** placeOrder's idempotency key: the same until an order is placed, so a resent form places it once. */
  key: string;
}

export type CheckoutField =
  | 'name'
  | 'phone'
  | 'email'
  | 'addressId'
  | 'recipientName'
  | 'recipientPhone'
  | 'province'
  | 'regency'
  | 'district'
  | 'village'
  | 'postalCode'
  | 'street'
  | 'addressLabel'
  | 'paymentMethod'
  | `ship-${string}`;

/** The address fieldset's value for "a new address" (else a saved address's id; '' before she chose). */
export const NEW_ADDRESS = 'baru';

export const DRAFT_COOKIE = 'karya_checkout';
const DRAFT_PATH = '/checkout';
const DRAFT_SECONDS = 7 * 86_400;
const PAYMENT_METHODS: readonly string[] = Object.values(PaymentMethod);
const ID = /^[0-9a-f-]{36}$/i;
/** Longest text kept from any field: above every rule, far below a cookie's 4 KB. */
const MAX_TEXT = Math.max(STREET_LENGTH.max, EMAIL_MAX_LENGTH);

export function emptyDraft(): CheckoutDraft {
  return {
    name: '',
    phone: '',
    email: '',
    addressId: '',
    recipientName: '',
    recipientPhone: '',
    province: '',
    regency: '',
    district: '',
    village: '',
    postalCode: '',
    street: '',
    saveAddress: false,
    addressLabel: '',
    shipping: {},
    paymentMethod: '',
    key: crypto.randomUUID()
  };
}

const text = (value: unknown, max = MAX_TEXT) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

function addressChoice(value: unknown): string {
  const choice = text(value, 36);
  return choice === NEW_ADDRESS || ID.test(choice) ? choice : '';
}

/** Whatever the cookie holds, as a well-formed draft (a missing or tampered cookie gives an empty one). */
export function parseDraft(raw: string | undefined): CheckoutDraft {
  const draft = emptyDraft();
  if (!raw) return draft;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(raw) as Record<string, unknown>;
    if (!value || typeof value !== 'object') return draft;
  } catch {
    return draft;
  }
  for (const field of ['name', 'phone', 'email', 'recipientName', 'recipientPhone', 'postalCode', 'street', 'addressLabel'] as const) draft[field] = text(value[field]);
  draft.addressId = addressChoice(value.addressId);
  Object.assign(draft, consistentAreas({ province: text(value.province, 13), regency: text(value.regency, 13), district: text(value.district, 13), village: text(value.village, 13) }));
  draft.saveAddress = value.saveAddress === true;
  draft.paymentMethod = PAYMENT_METHODS.includes(value.paymentMethod as string) ? (value.paymentMethod as PaymentMethod) : '';
  if (value.shipping && typeof value.shipping === 'object') {
    for (const [sellerId, code] of Object.entries(value.shipping as Record<string, unknown>).slice(0, 50)) {
      if (ID.test(sellerId) && typeof code === 'string' && code.length <= 60) draft.shipping[sellerId] = code;
    }
  }
  const key = text(value.key, 36);
  if (ID.test(key)) draft.key = key;
  return draft;
}

export function readDraft(cookies: Pick<Cookies, 'get'>): CheckoutDraft {
  return parseDraft(cookies.get(DRAFT_COOKIE));
}

export function saveDraft(cookies: Cookies, site: URL, draft: CheckoutDraft): void {
  cookies.set(DRAFT_COOKIE, JSON.stringify(draft), buyingCookieOptions(site, DRAFT_SECONDS, DRAFT_PATH));
}

/** After the order is placed: the next checkout starts afresh, with a new key. */
export function clearDraft(cookies: Cookies): void {
  cookies.delete(DRAFT_COOKIE, { path: DRAFT_PATH });
}

/** The posted form over the saved draft: what the form shows wins, what it does not show (another step's choices) stays. */
export function draftFromForm(form: FormData, previous: CheckoutDraft): CheckoutDraft {
  const has = (name: string) => form.has(name);
  const value = (name: string, fallback: string) => (has(name) ? text(form.get(name)) : fallback);
  const draft: CheckoutDraft = {
    ...previous,
    name: value('name', previous.name),
    phone: value('phone', previous.phone),
    email: value('email', previous.email),
    recipientName: value('recipientName', previous.recipientName),
    recipientPhone: value('recipientPhone', previous.recipientPhone),
    postalCode: value('postalCode', previous.postalCode),
    street: value('street', previous.street),
    addressLabel: value('addressLabel', previous.addressLabel),
    shipping: { ...previous.shipping }
  };
  if (has('addressId')) draft.addressId = addressChoice(form.get('addressId'));
  // The address fieldset is on the page whenever postal code is: an unticked box sends nothing.
  if (has('postalCode')) draft.saveAddress = form.get('saveAddress') === 'on';
  Object.assign(
    draft,
    consistentAreas({
      province: value('province', previous.province),
      regency: value('regency', previous.regency),
      district: value('district', previous.district),
      village: value('village', previous.village)
    })
  );
  if (has('paymentMethod')) {
    const method = text(form.get('paymentMethod'));
    draft.paymentMethod = PAYMENT_METHODS.includes(method) ? (method as PaymentMethod) : '';
  }
  for (const [name, code] of form.entries()) {
    const sellerId = name.startsWith('ship-') ? name.slice(5) : '';
    if (ID.test(sellerId) && typeof code === 'string' && code.length <= 60) draft.shipping[sellerId] = code;
  }
  return draft;
}

export interface CheckoutRules {
  signedIn: boolean;
  /** The saved addresses she may pick (signed in). */
  savedAddressIds: readonly string[];
  /** The saved address the order goes to, or null for the one typed in the form. */
  savedAddressId: string | null;
  /** Per seller of the cart, once the address is known: the codes of the shipping offered for her parcel. */
  shipping: ReadonlyMap<string, readonly string[]>;
  /** Whether cash on delivery is open for this cart and address. */
  codOpen: boolean;
}

export type FieldErrors = Partial<Record<CheckoutField, string>>;

/**
 * Every problem of the form at once, in her language; the API checks again and stays the authority.
 * The recipient defaults to the buyer when left empty.
 */
export function validateCheckout(draft: CheckoutDraft, rules: CheckoutRules, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name) errors.name = t(lang, 'checkout.error.nameRequired');
  else if (!within(draft.name.length, DISPLAY_NAME_LENGTH)) errors.name = t(lang, 'checkout.error.nameLength', DISPLAY_NAME_LENGTH);
  if (!draft.phone) errors.phone = t(lang, 'checkout.error.phoneRequired');
  else if (!normalizeIndonesianPhone(draft.phone)) errors.phone = t(lang, 'checkout.error.phoneInvalid');
  if (draft.email && !normalizeEmail(draft.email)) errors.email = t(lang, 'checkout.error.emailInvalid');

  if (ID.test(draft.addressId) && !rules.savedAddressIds.includes(draft.addressId)) errors.addressId = t(lang, 'checkout.error.addressUnknown');
  else if (rules.savedAddressId === null) {
    if (draft.recipientName && !within(draft.recipientName.length, DISPLAY_NAME_LENGTH)) errors.recipientName = t(lang, 'checkout.error.nameLength', DISPLAY_NAME_LENGTH);
    if (draft.recipientPhone && !normalizeIndonesianPhone(draft.recipientPhone)) errors.recipientPhone = t(lang, 'checkout.error.phoneInvalid');
    const missing = (['province', 'regency', 'district', 'village'] as const).find((level) => !draft[level]);
    if (missing) errors[missing] = t(lang, `checkout.error.${missing}Required`);
    if (!POSTAL_CODE_PATTERN.test(draft.postalCode)) errors.postalCode = t(lang, draft.postalCode ? 'checkout.error.postalCodeInvalid' : 'checkout.error.postalCodeRequired');
    if (!within(draft.street.length, STREET_LENGTH)) errors.street = t(lang, draft.street ? 'checkout.error.streetLength' : 'checkout.error.streetRequired', STREET_LENGTH);
    if (rules.signedIn && draft.saveAddress && !within(draft.addressLabel.length, ADDRESS_LABEL_LENGTH)) errors.addressLabel = t(lang, 'checkout.error.labelLength', ADDRESS_LABEL_LENGTH);
  }

  for (const [sellerId, offered] of rules.shipping) {
    const picked = draft.shipping[sellerId];
    // A pick from the page of another address (she switched without recounting) is not silently replaced.
    if (!offered.length) errors[`ship-${sellerId}`] = t(lang, 'checkout.error.shippingNone');
    else if (picked && !offered.includes(picked)) errors[`ship-${sellerId}`] = t(lang, 'checkout.error.shippingChanged');
  }
  if (!draft.paymentMethod) errors.paymentMethod = t(lang, 'checkout.error.paymentRequired');
  else if (draft.paymentMethod === PaymentMethod.Cod && !rules.codOpen) errors.paymentMethod = t(lang, 'checkout.error.codClosed');
  return errors;
}

/** The API's input path of an InvalidInputError → the field of the form it belongs to. */
export const API_FIELDS: Readonly<Record<string, CheckoutField>> = {
  'input.contact.name': 'name',
  'input.contact.phone': 'phone',
  'input.contact.email': 'email',
  'input.savedAddressId': 'addressId',
  'input.address.recipientName': 'recipientName',
  'input.address.phone': 'recipientPhone',
  'input.address.postalCode': 'postalCode',
  'input.address.street': 'street',
  'input.address.villageCode': 'village',
  'input.paymentMethod': 'paymentMethod'
};
