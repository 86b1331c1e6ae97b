import { describe, expect, it, vi } from 'vitest';
import { PaymentMethod } from '@karya-ibu/types';
import { draftFromForm, emptyDraft, NEW_ADDRESS, parseDraft, validateCheckout, type CheckoutRules } from './checkout-draft';

vi.mock('$lib/server/env', () => ({ config: () => ({ production: false }) }));

const SELLER = '0b6d2a4e-8f1c-4c3a-9e2b-7d5f6a1b2c3d';
const SAVED = '9a6d2a4e-8f1c-4c3a-9e2b-7d5f6a1b2c3d';
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

const complete = () => ({
  ...emptyDraft(),
  name: 'Dewi Lestari',
  phone: '0812 5555 0101',
  province: '64',
  regency: '64.71',
  district: '64.71.04',
  village: '64.71.04.1004',
  postalCode: '76121',
  street: 'Jl. Sudirman No. 10',
  shipping: { [SELLER]: 'JNE:REG' },
  paymentMethod: PaymentMethod.Card
});

const rules = (over: Partial<CheckoutRules> = {}): CheckoutRules => ({
  signedIn: false,
  savedAddressIds: [],
  savedAddressId: null,
  shipping: new Map([[SELLER, ['KAMPUNG:AMBIL', 'JNE:REG']]]),
  codOpen: true,
  ...over
});

describe('the checkout draft', () => {
  it('keeps what another step of the form posted, and takes what this one shows', () => {
    const first = draftFromForm(form({ name: 'Dewi', phone: '0812 5555 0101', province: '64' }), emptyDraft());
    const second = draftFromForm(form({ regency: '64.71', [`ship-${SELLER}`]: 'JNE:REG', paymentMethod: 'COD' }), first);
    expect(second).toMatchObject({ name: 'Dewi', province: '64', regency: '64.71', shipping: { [SELLER]: 'JNE:REG' }, paymentMethod: PaymentMethod.Cod, key: first.key });
  });

  it('forgets the levels under a changed province', () => {
    const chosen = draftFromForm(form({ province: '64', regency: '64.71', district: '64.71.04', village: '64.71.04.1004' }), emptyDraft());
    expect(draftFromForm(form({ province: '31', regency: '64.71', district: '64.71.04', village: '64.71.04.1004' }), chosen)).toMatchObject({ province: '31', regency: '', district: '', village: '' });
  });

  it('survives the cookie round trip, and a tampered cookie gives an empty draft', () => {
    const draft = complete();
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
    expect(parseDraft('{"name": 5, "paymentMethod": "CASH", "province": "6x", "shipping": {"x": "y"}, "key": "short"}')).toMatchObject({ name: '', paymentMethod: '', province: '', shipping: {} });
    expect(parseDraft('not json').name).toBe('');
    expect(parseDraft(JSON.stringify({ street: 'x'.repeat(5000) })).street).toHaveLength(300);
  });

  it('takes "Alamat lain" or a saved address id, nothing else', () => {
    expect(draftFromForm(form({ addressId: NEW_ADDRESS }), emptyDraft()).addressId).toBe(NEW_ADDRESS);
    expect(draftFromForm(form({ addressId: SAVED }), emptyDraft()).addressId).toBe(SAVED);
    expect(draftFromForm(form({ addressId: '../etc' }), emptyDraft()).addressId).toBe('');
  });
});

describe('validateCheckout', () => {
  it('accepts a complete guest checkout, the recipient being the buyer', () => {
    expect(validateCheckout(complete(), rules(), 'id')).toEqual({});
  });

  it('names every problem at once, beside its field', () => {
    const errors = validateCheckout({ ...emptyDraft(), email: 'dewi@', province: '64' }, rules(), 'id');
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'paymentMethod', 'phone', 'postalCode', 'regency', 'street'].sort());
    expect(errors.regency).toBe('Pilih kabupaten/kota.');
  });

  it('refuses COD where it is not open, and a shipping pick this address does not offer', () => {
    const errors = validateCheckout({ ...complete(), paymentMethod: PaymentMethod.Cod, shipping: { [SELLER]: 'PENDAMPING:ANTAR' } }, rules({ codOpen: false, shipping: new Map([[SELLER, ['JNE:REG']]]) }), 'en');
    expect(errors).toEqual({ paymentMethod: 'Cash on delivery is not available for this order.', [`ship-${SELLER}`]: 'The shipping options changed for this address. Choose again.' });
    expect(validateCheckout(complete(), rules({ shipping: new Map([[SELLER, []]]) }), 'id')).toEqual({ [`ship-${SELLER}`]: 'Belum ada pengiriman untuk alamat ini.' });
  });

  it('needs no typed address when a saved one is used, but refuses one that is not hers', () => {
    const draft = { ...complete(), addressId: SAVED, province: '', regency: '', district: '', village: '', postalCode: '', street: '' };
    expect(validateCheckout(draft, rules({ signedIn: true, savedAddressIds: [SAVED], savedAddressId: SAVED }), 'id')).toEqual({});
    expect(validateCheckout(draft, rules({ signedIn: true, savedAddressIds: [], savedAddressId: null }), 'id')).toMatchObject({ addressId: 'Alamat tersimpan ini tidak ditemukan. Pilih lagi.' });
  });
});
