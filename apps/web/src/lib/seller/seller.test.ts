import { describe, expect, it } from 'vitest';
import { PRODUCT_STOCK } from '@karya-ibu/types';
import { actionFor, sellerParam, withSeller } from './acting';
import { activityHelper, activityText, type ActivityEntry } from './activity';
import { localPhone, validateApply } from './apply-form';
import { needsTechnique, productErrorItems, PROVENANCE_FIELDS, validateProduct } from './product-form';
import { clampStock, nextStock, parseStock } from './stock';
import { checkPhoto, chosenFiles, movePhoto, photoContentType, photosLeft, progressPercent } from './upload';

const formData = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(entries)) form.set(key, value);
  return form;
};

const product = {
  title: '  Batik   Kawung Biru ',
  category: 'KAIN_BATIK',
  technique: 'TULIS',
  priceIdr: 'Rp 350.000',
  stock: '3',
  weightGrams: '300',
  material: 'Katun primisima',
  description: 'Kain batik tulis dengan pewarna alami.'
};

describe('the price field', () => {
  const priceOf = (priceIdr: string) => {
    const result = validateProduct(formData({ ...product, priceIdr }), 'id', '2026-11-28');
    return result.ok ? result.input.priceIdr : result.fieldErrors.priceIdr;
  };

  it.each([
    ['Rp 350.000', '350000'],
    ['350.000', '350000'],
    ['rp350000', '350000'],
    [' 75000 ', '75000']
  ])('%s → %s', (input, expected) => expect(priceOf(input)).toBe(expected));

  it('names sen and a minus instead of reading 12.5 as 125', () => {
    expect(priceOf('12.5')).toBe('Tulis rupiah utuh tanpa sen; titik hanya pemisah ribuan, mis. 32.000.000.');
    expect(priceOf('350.000,50')).toBe('Tulis rupiah utuh tanpa sen; titik hanya pemisah ribuan, mis. 32.000.000.');
    expect(priceOf('-5')).toBe('Jumlah rupiah tidak boleh minus.');
    expect(priceOf('tiga ratus')).toBe('Tulis harga dengan angka, mis. 350.000');
  });
});

describe('productErrorItems', () => {
  it('lists what failed in the order of the form, each linking to its field by id', () => {
    const result = validateProduct(formData({ ...product, title: '', priceIdr: '12.5', madeOn: '2030-01-01' }), 'id', '2026-11-28');
    const errors = result.ok ? {} : result.fieldErrors;
    expect(productErrorItems('id', { ...errors, photos: 'Pilih fotonya lagi.' }).map(({ id, label }) => [id, label])).toEqual([
      ['photos', 'Foto produk'],
      ['title', 'Nama produk'],
      ['priceIdr', 'Harga'],
      ['madeOn', 'Tanggal selesai dibuat']
    ]);
    expect(PROVENANCE_FIELDS).toContain('madeOn');
  });
});

describe('validateProduct', () => {
  it('reads a filled form into API input', () => {
    const result = validateProduct(formData(product), 'id', '2026-11-28');
    expect(result.ok && result.input).toEqual({
      title: 'Batik Kawung Biru',
      category: 'KAIN_BATIK',
      technique: 'TULIS',
      priceIdr: '350000',
      stock: 3,
      weightGrams: 300,
      material: 'Katun primisima',
      description: 'Kain batik tulis dengan pewarna alami.',
      motifId: null,
      dye: null,
      size: null,
      hoursOfWork: null,
      madeOn: null,
      status: 'ACTIVE'
    });
  });

  it('drops the technique of a bag and keeps a draft', () => {
    const result = validateProduct(formData({ ...product, category: 'TAS', status: 'DRAFT' }), 'id', '2026-11-28');
    expect(result.ok && [result.input.technique, result.input.status]).toEqual([null, 'DRAFT']);
    expect(needsTechnique('TAS')).toBe(false);
    expect(needsTechnique('KAIN_BATIK')).toBe(true);
  });

  it('reports every problem at once, beside its field', () => {
    const result = validateProduct(
      formData({ title: 'Ba', priceIdr: 'tiga ratus', stock: '20000', weightGrams: '', madeOn: '2026-12-01' }),
      'id',
      '2026-11-28'
    );
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      title: 'Panjangnya 3–120 huruf.',
      category: 'Pilih jenis produk.',
      priceIdr: 'Tulis harga dengan angka, mis. 350.000',
      stock: 'Tulis bilangan bulat 0–10.000.',
      weightGrams: 'Wajib diisi.',
      material: 'Wajib diisi.',
      description: 'Wajib diisi.',
      madeOn: 'Tanggal tidak boleh di masa depan.'
    });
    expect(result.values.title).toBe('Ba');
  });

  it('refuses a day the calendar does not have, as a phone without a date picker lets her type it', () => {
    for (const madeOn of ['2026-02-30', '2026-04-31', '30-10-2026']) {
      const result = validateProduct(formData({ ...product, madeOn }), 'id', '2026-11-28');
      expect(result.ok ? {} : result.fieldErrors).toEqual({ madeOn: 'Tanggal tidak valid.' });
    }
  });

  it('refuses a price of zero or above Rp 100.000.000', () => {
    for (const priceIdr of ['0', 'Rp 100.000.001']) {
      const result = validateProduct(formData({ ...product, priceIdr }), 'en', '2026-11-28');
      expect(result.ok ? undefined : result.fieldErrors.priceIdr).toBe('The price must be above Rp 0 and at most Rp 100.000.000.');
    }
  });
});

describe('stock', () => {
  it('steps within 0–10.000', () => {
    expect(nextStock(3, 1)).toBe(4);
    expect(nextStock(3, -1)).toBe(2);
    expect(nextStock(0, -1)).toBeNull();
    expect(nextStock(PRODUCT_STOCK.max, 1)).toBeNull();
    expect(clampStock(-4)).toBe(0);
    expect(clampStock(20_000)).toBe(PRODUCT_STOCK.max);
  });

  it('reads posted stock', () => {
    expect(parseStock('12')).toBe(12);
    expect(parseStock('1.000')).toBe(1000);
    expect(parseStock('')).toBeNull();
    expect(parseStock('-1')).toBeNull();
    expect(parseStock('10001')).toBeNull();
    expect(parseStock(null)).toBeNull();
  });
});

describe('activity lines', () => {
  const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
    action: 'PRODUCT_CREATED',
    actorName: 'Pendamping Karang Jati (demo)',
    onBehalf: false,
    subjectType: 'PRODUCT',
    subjectId: 'p1',
    before: null,
    after: JSON.stringify({ title: 'Tas Goni', stock: 5 }),
    createdAt: '2026-11-28T02:00:00Z',
    ...over
  });

  it('says what happened in plain words', () => {
    expect(activityText(entry({}), 'id')).toBe('Menambahkan produk "Tas Goni"');
    expect(activityText(entry({ action: 'PRODUCT_STOCK_SET' }), 'id')).toBe('Mengubah stok "Tas Goni" menjadi 5');
    expect(activityText(entry({ action: 'PRODUCT_ARCHIVED' }), 'en')).toBe('Archived the product "Tas Goni"');
  });

  it('names the product of a photo change from the list it was given', () => {
    const photo = entry({ action: 'PHOTO_ADDED', after: JSON.stringify({ photoId: 'x' }) });
    expect(activityText(photo, 'id', new Map([['p1', 'Batik Kawung']]))).toBe('Menambahkan foto "Batik Kawung"');
    expect(activityText(photo, 'id')).toBe('Menambahkan foto "produk"');
  });

  it('shows who helped, and a review as "oleh"', () => {
    expect(activityHelper(entry({}), 'id')).toBeNull();
    expect(activityHelper(entry({ onBehalf: true }), 'id')).toBe('dibantu oleh Pendamping Karang Jati (demo)');
    expect(activityHelper(entry({ onBehalf: true, action: 'SELLER_VERIFIED', actorName: 'Petugas' }), 'id')).toBe('oleh Petugas');
  });

  it('survives an unknown action and broken JSON', () => {
    expect(activityText(entry({ action: 'SOMETHING_NEW', after: '{oops' }), 'id')).toBe('Perubahan: something new');
  });
});

describe('photo upload steps', () => {
  const file = (name: string, type: string, size = 1000) => ({ name, type, size });

  it('accepts JPEG, PNG and WebP up to 15 MB', () => {
    expect(checkPhoto(file('a.jpg', 'image/jpeg'))).toBeNull();
    expect(checkPhoto(file('a.webp', ''))).toBeNull();
    expect(checkPhoto(file('a.jpg', 'image/jpeg', 15 * 1024 * 1024 + 1))).toBe('size');
    expect(checkPhoto(file('a.gif', 'image/gif'))).toBe('type');
    expect(checkPhoto(file('a.jpg', 'image/jpeg', 0))).toBe('empty');
  });

  it('gives HEIC its own clear message', () => {
    expect(checkPhoto(file('IMG_0001.HEIC', ''))).toBe('heic');
    expect(checkPhoto(file('foto', 'image/heic'))).toBe('heic');
  });

  it('guesses the content type from the name when the browser gives none', () => {
    expect(photoContentType(file('a.JPG', ''))).toBe('image/jpeg');
    expect(photoContentType(file('a.jpg', 'image/jpg'))).toBe('image/jpeg');
  });

  it('reports progress as whole percents', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(512, 1024)).toBe(50);
    expect(progressPercent(2000, 1000)).toBe(100);
  });

  it('moves a photo up or down and stops at the ends', () => {
    expect(movePhoto(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(movePhoto(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(movePhoto(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(movePhoto(['a', 'b'], 'x', 'up')).toEqual(['a', 'b']);
  });

  it('counts what is left and ignores an empty file input', () => {
    expect(photosLeft(6)).toBe(2);
    expect(photosLeft(9)).toBe(0);
    expect(chosenFiles([file('', 'application/octet-stream', 0), file('a.jpg', 'image/jpeg'), 'text'])).toHaveLength(1);
  });
});

describe('acting for a seller', () => {
  const id = '0b7d4a3e-1c2f-4e5a-9b8c-7d6e5f4a3b2c';

  it('keeps ?penjual= in links and actions', () => {
    expect(withSeller('/dashboard', null)).toBe('/dashboard');
    expect(withSeller('/dashboard', id)).toBe(`/dashboard?penjual=${id}`);
    expect(withSeller('/dashboard/produk/x?baru=1', id)).toBe(`/dashboard/produk/x?baru=1&penjual=${id}`);
    expect(actionFor('stock', id)).toBe(`?/stock&penjual=${id}`);
  });

  it('only takes an id from the URL', () => {
    expect(sellerParam(new URL(`http://x/dashboard?penjual=${id.toUpperCase()}`))).toBe(id);
    expect(sellerParam(new URL('http://x/dashboard?penjual=retno'))).toBeNull();
  });
});

describe('validateApply', () => {
  it('normalises the WhatsApp number and leaves an empty name to the account', () => {
    const result = validateApply(
      formData({ kampungId: 'k1', story: 'Saya membatik sejak 2024.', whatsapp: '0812-3456-7890', displayName: '' }),
      'id'
    );
    expect(result.ok && result.input).toEqual({
      kampungId: 'k1',
      trainingProgramId: null,
      displayName: null,
      story: 'Saya membatik sejak 2024.',
      whatsapp: '+6281234567890'
    });
  });

  it('asks for the kampung, a story and a real number', () => {
    const result = validateApply(formData({ story: 'pendek', whatsapp: '12345' }), 'id');
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      kampungId: 'Pilih Kampung KB Anda.',
      story: 'Panjangnya 10–1000 huruf.',
      whatsapp: 'Tulis nomor WhatsApp Indonesia, mis. 0812 3456 7890.'
    });
  });

  it('starts the WhatsApp field from her account phone, written the way she writes it', () => {
    expect(localPhone('+6281234567890')).toBe('081234567890');
    expect(validateApply(formData({ kampungId: 'k1', story: 'Saya membatik sejak 2024.', whatsapp: localPhone('+6281234567890') }), 'id').ok).toBe(true);
    expect(localPhone(null)).toBe('');
  });
});
