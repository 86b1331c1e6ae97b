import { redirect } from '@sveltejs/kit';
import { EwalletProvider, MoneyPayoutDetailsDocument, MoneySetPayoutDetailsDocument, PayoutMethod, Role } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { asPageError, requireShop, requireSignedIn } from '$lib/seller/dashboard.server';
import type { Actions, PageServerLoad } from './$types';

// The order she reads them in: a bank, an e-wallet, else cash.
const METHODS: string[] = [PayoutMethod.BankTransfer, PayoutMethod.Ewallet, PayoutMethod.CashViaPendamping];
/** What the API names → the field of this form its words go beside. */
const FIELDS = {
  'input.method': 'method',
  'input.bankCode': 'bankCode',
  'input.accountNumber': 'accountNumber',
  'input.accountHolderName': 'accountHolderName',
  'input.ewalletProvider': 'ewalletProvider',
  'input.ewalletNumber': 'ewalletNumber'
} as const;

/** Where her money goes. She changes it herself (an admin may, audited); her pendamping only reads it. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const { payoutBanks, payoutDetails } = await query(event.fetch, MoneyPayoutDetailsDocument, { sellerId: dashboard.sellerParam }, caller(event)).catch(
    asPageError(event.locals.lang, 'seller.error.sellerNotFound', 'seller.error.notYourShop')
  );
  const isAdmin = event.locals.actor?.roles.includes(Role.Admin) ?? false;
  return { banks: payoutBanks, details: payoutDetails, editable: !dashboard.onBehalf || isAdmin, methods: METHODS, ewallets: Object.values(EwalletProvider) as string[] };
};

export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const values = {
      method: text('method'),
      bankCode: text('bankCode'),
      accountNumber: text('accountNumber'),
      accountHolderName: text('accountHolderName'),
      ewalletProvider: text('ewalletProvider'),
      ewalletNumber: text('ewalletNumber')
    };
    const method = METHODS.includes(values.method) ? (values.method as PayoutMethod) : PayoutMethod.BankTransfer;
    const sellerId = sellerParam(event.url);
    // Only what belongs to the chosen way is sent: the API refuses nothing else, but keeps nothing else either.
    const input =
      method === PayoutMethod.BankTransfer
        ? { method, sellerId, bankCode: values.bankCode || null, accountNumber: values.accountNumber || null, accountHolderName: values.accountHolderName || null }
        : method === PayoutMethod.Ewallet
          ? { method, sellerId, ewalletProvider: (values.ewalletProvider || null) as EwalletProvider | null, ewalletNumber: values.ewalletNumber || null, accountHolderName: values.accountHolderName || null }
          : { method, sellerId };
    const saved = await submit(event, query(event.fetch, MoneySetPayoutDetailsDocument, { input }, caller(event)).then((r) => r.setPayoutDetails), { fields: FIELDS, values });
    if (isFailure(saved)) return saved;
    redirect(303, withSeller('/dashboard/uang?selesai=rekening', sellerId));
  }
};
