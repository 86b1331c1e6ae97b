import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  BANK_TRANSFER_HOURS,
  CheckoutAreasDocument,
  CheckoutSaveAddressDocument,
  normalizeIndonesianPhone,
  PaymentMethod,
  PlaceOrderDocument,
  type PlaceOrderInput
} from '@karya-ibu/types';
import { formatRupiah } from '$lib/format/money';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { cartCaller } from '$lib/server/buying/cart';
import { changedLines, checkoutContext, productProblemText, type CheckoutContext } from '$lib/server/buying/checkout';
import {
  API_FIELDS,
  clearDraft,
  draftFromForm,
  emptyDraft,
  readDraft,
  saveDraft,
  validateCheckout,
  type CheckoutDraft,
  type FieldErrors
} from '$lib/server/buying/checkout-draft';
import { rememberGuestOrder } from '$lib/server/buying/guest-orders';
import { log } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

/** Where a step of the form without JavaScript comes back to: the next thing to fill in. */
const STEPS = ['regency', 'district', 'village', 'pengiriman', 'pembayaran', 'ringkasan', 'alamat'] as const;

export const load: PageServerLoad = async (event) => {
  const draft = readDraft(event.cookies);
  const context = await checkoutContext(event, draft);
  if (!context) return { empty: true as const };
  // Signed in: her name and phone to start with.
  if (context.me && !draft.name && !draft.phone) Object.assign(draft, { name: context.me.displayName, phone: context.me.phone ?? '', email: context.me.email ?? '' });

  const typed = context.savedAddress === null;
  const { provinces, regencies, districts, villages } = await query(event.fetch, CheckoutAreasDocument, {
    province: draft.province || null,
    regency: draft.regency || null,
    district: draft.district || null,
    withRegencies: typed && !!draft.province,
    withDistricts: typed && !!draft.regency,
    withVillages: typed && !!draft.district
  });

  const { key: _key, ...values } = draft;
  return {
    empty: false as const,
    values,
    signedIn: context.signedIn,
    saved: context.saved.map((address) => ({
      id: address.id,
      label: address.label,
      recipientName: address.recipientName,
      phone: address.phone,
      street: address.street,
      postalCode: address.postalCode,
      places: [address.village?.name, ...(address.village?.ancestors.slice(1).reverse().map((area) => area.name) ?? [])].filter(Boolean).join(', ')
    })),
    addressChoice: context.savedAddress?.id ?? (context.saved.length ? 'baru' : ''),
    areas: { provinces, regencies: regencies ?? [], districts: districts ?? [], villages: villages ?? [] },
    hasVillage: context.villageCode !== null,
    groups: context.groups.map((group) => ({
      seller: { id: group.seller.id, displayName: group.seller.displayName, kampung: group.seller.kampung.name },
      lines: group.lines.map((line) => ({ id: line.id, title: line.product.title, quantity: line.quantity, lineTotalIdr: line.lineTotalIdr })),
      subtotalIdr: group.subtotalIdr,
      pieces: group.pieces,
      options: group.options,
      chosen: group.chosen
    })),
    changed: changedLines(context.cart).map((line) => ({ id: line.id, title: line.product.title, problem: line.problem, before: line.priceWhenAddedIdr, now: line.unitPriceIdr, available: line.availableStock })),
    quoteProblem: context.quoteProblem,
    itemCount: context.cart.itemCount,
    itemsTotalIdr: context.itemsTotalIdr,
    shippingTotalIdr: context.shippingTotalIdr,
    totalIdr: context.totalIdr,
    cod: context.cod,
    bankTransferHours: BANK_TRANSFER_HOURS
  };
};

async function postedDraft(event: RequestEvent): Promise<{ draft: CheckoutDraft; form: FormData }> {
  const form = await event.request.formData();
  const draft = draftFromForm(form, readDraft(event.cookies));
  saveDraft(event.cookies, event.url, draft);
  return { draft, form };
}

const RUPIAH = /^\d{1,15}$/;

export const actions: Actions = {
  /** A step without JavaScript (an area chosen, shipping changed): keep what she filled in and show the next step. */
  langkah: async (event) => {
    const { form } = await postedDraft(event);
    const step = form.get('ke');
    redirect(303, `/checkout#${STEPS.find((s) => s === step) ?? 'alamat'}`);
  },

  pesan: async (event) => {
    const { draft, form } = await postedDraft(event);
    const lang = event.locals.lang;
    // The total the page showed her (updated as she picks, with JavaScript): what she agrees to pay.
    const shown = String(form.get('total') ?? '');
    const context = await checkoutContext(event, draft);
    if (!context) redirect(303, '/keranjang');

    const fieldErrors = validateCheckout(
      draft,
      {
        signedIn: context.signedIn,
        savedAddressIds: context.saved.map((address) => address.id),
        savedAddressId: context.savedAddress?.id ?? null,
        shipping: new Map(context.villageCode && !context.quoteProblem ? context.groups.map((group) => [group.seller.id, group.options.map((option) => option.code)]) : []),
        codOpen: context.cod.open
      },
      lang
    );
    if (context.quoteProblem) return fail(400, { fieldErrors, formError: context.quoteProblem, notice: null });
    if (Object.keys(fieldErrors).length > 0) return fail(400, { fieldErrors, formError: null, notice: null });

    const { cartId, options } = cartCaller(event);
    const { placeOrder: result } = await query(event.fetch, PlaceOrderDocument, { input: orderInput(draft, context, cartId, RUPIAH.test(shown) ? shown : context.totalIdr), idempotencyKey: draft.key }, options);
    switch (result.__typename) {
      case 'Order':
        break;
      case 'InvalidInputError': {
        const field = API_FIELDS[result.field];
        if (field) return fail(400, { fieldErrors: { [field]: t(lang, 'checkout.error.retry') } as FieldErrors, formError: null, notice: null });
        const formError = result.field === 'input.shipping' ? t(lang, 'checkout.error.shippingChanged') : result.field === 'input.cartId' ? t(lang, 'checkout.error.cartEmpty') : t(lang, 'checkout.error.retry');
        return fail(400, { fieldErrors: {}, formError, notice: null });
      }
      case 'TotalChangedError':
        // Prices or shipping moved since the page was shown: show the new total and let her decide.
        return fail(409, { fieldErrors: {}, formError: null, notice: t(lang, 'checkout.totalChanged', { total: formatRupiah(result.totalIdr) }) });
      case 'CodNotAvailableError':
        return fail(400, { fieldErrors: { paymentMethod: context.cod.reason ?? t(lang, 'checkout.error.codClosed') } as FieldErrors, formError: null, notice: null });
      case 'IdempotencyKeyReusedError':
        saveDraft(event.cookies, event.url, { ...draft, key: emptyDraft().key });
        return fail(409, { fieldErrors: {}, formError: t(lang, 'checkout.error.retry'), notice: null });
      default:
        return fail(409, { fieldErrors: {}, formError: productProblemText(lang, result, context.cart), notice: null });
    }

    clearDraft(event.cookies);
    if (!context.signedIn) rememberGuestOrder(event.cookies, event.url, result.code, draft.phone);
    if (context.signedIn && !context.savedAddress && draft.saveAddress) await keepAddress(event, draft);
    // Card: straight to Stripe's page; without it (Stripe slow), the order page offers to pay.
    if (result.paymentMethod === PaymentMethod.Card && result.payment?.checkoutUrl) redirect(303, result.payment.checkoutUrl);
    redirect(303, `/pesanan/${result.code}?baru=1`);
  }
};

function orderInput(draft: CheckoutDraft, context: CheckoutContext, cartId: string | null, acceptedTotalIdr: string): PlaceOrderInput {
  const address = context.savedAddress
    ? { savedAddressId: context.savedAddress.id }
    : {
        address: {
          recipientName: draft.recipientName || draft.name,
          phone: draft.recipientPhone || draft.phone,
          villageCode: draft.village,
          postalCode: draft.postalCode,
          street: draft.street
        }
      };
  return {
    cartId,
    contact: { name: draft.name, phone: draft.phone, email: draft.email || null },
    ...address,
    shipping: context.groups.map((group) => ({ sellerId: group.seller.id, optionCode: group.chosen ?? '' })),
    paymentMethod: draft.paymentMethod as PaymentMethod,
    // If a price or her shipping changed since the page showed it, nothing is placed and she sees the new total.
    acceptedTotalIdr
  };
}

/** "Simpan alamat ini": after the order, so a refused address never blocks buying. */
async function keepAddress(event: RequestEvent, draft: CheckoutDraft): Promise<void> {
  const input = {
    label: draft.addressLabel,
    recipientName: draft.recipientName || draft.name,
    phone: normalizeIndonesianPhone(draft.recipientPhone || draft.phone) ?? draft.phone,
    villageCode: draft.village,
    postalCode: draft.postalCode,
    street: draft.street
  };
  try {
    const { saveAddress } = await query(event.fetch, CheckoutSaveAddressDocument, { input }, cartCaller(event).options);
    if (saveAddress.__typename !== 'SavedAddress') log().warn(`address not saved after an order: ${saveAddress.__typename}`);
  } catch (error) {
    log().warn(`address not saved after an order: ${error instanceof Error ? error.message : String(error)}`);
  }
}
