import { describe, expect, it } from 'vitest';
import { BatikTechnique, MAX_PRICE_FILTER_IDR, ProductCategory, ProductSort } from '@karya-ibu/types';
import { activeFilters, catalogPageHref, pageNumber, paginationLinks, parseCatalogParams, sortOptions, suggestionLink } from './filters';

const kampungs = [
  { id: 'k-1', slug: 'karang-joang' },
  { id: 'k-2', slug: 'gunung-bahagia' }
];
const parse = (qs: string) => parseCatalogParams(new URLSearchParams(qs), kampungs);

describe('parseCatalogParams', () => {
  it('gives the newest products with no parameters', () => {
    const q = parse('');
    expect(q.filter).toEqual({});
    expect(q.sort).toBe(ProductSort.Newest);
    expect(q.after).toBeNull();
    expect(q.errors).toEqual({});
  });

  it('reads every filter', () => {
    const q = parse('q=  batik   tulis &kategori=kain_batik&teknik=TULIS&kampung=karang-joang&min=100.000&maks=Rp 500.000&urut=PRICE_ASC');
    expect(q.filter).toEqual({
      search: 'batik tulis',
      category: ProductCategory.KainBatik,
      technique: BatikTechnique.Tulis,
      kampungId: 'k-1',
      minPriceIdr: '100000',
      maxPriceIdr: '500000'
    });
    expect(q.sort).toBe(ProductSort.PriceAsc);
    expect(q.errors).toEqual({});
  });

  it('sorts by relevance when searching, unless asked otherwise', () => {
    expect(parse('q=tas').sort).toBe(ProductSort.Relevance);
    expect(parse('q=tas&urut=NEWEST').sort).toBe(ProductSort.Newest);
    expect(parse('urut=RELEVANCE').sort).toBe(ProductSort.Newest);
  });

  it('reports a bad price beside its field and drops only that filter', () => {
    const q = parse('min=murah&maks=200000&kategori=TAS');
    expect(q.errors).toEqual({ minPrice: 'catalog.error.price' });
    expect(q.filter).toEqual({ category: ProductCategory.Tas, maxPriceIdr: '200000' });
    expect(q.values.minPrice).toBe('murah');
  });

  it('rejects negative, fractional and absurd prices', () => {
    expect(parse('min=-5').errors.minPrice).toBe('money.error.negative');
    expect(parse('maks=12,5').errors.maxPrice).toBe('money.error.decimal');
    expect(parse('maks=350.000,50').errors.maxPrice).toBe('money.error.decimal');
    expect(parse('maks=99999999999999999').errors.maxPrice).toBe('catalog.error.price');
  });

  it('takes up to the price the API takes, and reports anything above beside the field', () => {
    // The web used to allow 10× the API's bound: the API then refused the whole search (a 400 page).
    expect(parse(`maks=${MAX_PRICE_FILTER_IDR}`).filter.maxPriceIdr).toBe(MAX_PRICE_FILTER_IDR.toString());
    const above = parse(`min=${MAX_PRICE_FILTER_IDR + 1n}&maks=500.000.000.000`);
    expect(above.errors).toEqual({ minPrice: 'catalog.error.price', maxPrice: 'catalog.error.price' });
    expect(above.filter).toEqual({});
  });

  it('reports a min above the max', () => {
    const q = parse('min=500000&maks=100000');
    expect(q.errors).toEqual({ minPrice: 'catalog.error.priceRange' });
    expect(q.filter).toEqual({});
  });

  it('reports unknown enum values and kampung slugs', () => {
    const q = parse('kategori=SEPATU&teknik=lukis&kampung=atlantis&urut=RANDOM');
    expect(q.errors).toEqual({
      category: 'catalog.error.category',
      technique: 'catalog.error.technique',
      kampung: 'catalog.error.kampung',
      sort: 'catalog.error.sort'
    });
    expect(q.filter).toEqual({});
    expect(q.sort).toBe(ProductSort.Newest);
  });

  it('limits the search length', () => {
    const q = parse(`q=${'a'.repeat(101)}`);
    expect(q.errors.search).toBe('catalog.error.search');
    expect(q.filter.search).toBeUndefined();
  });

  it('keeps cursors and ignores a stack without a current cursor', () => {
    const q = parse('after=Y3Vyc29yOjI0&prev=Y3Vyc29yOjEy');
    expect(q.after).toBe('Y3Vyc29yOjI0');
    expect(q.prev).toEqual(['Y3Vyc29yOjEy']);
    expect(pageNumber(q)).toBe(3);
    expect(parse('prev=abc').prev).toEqual([]);
  });

  it('drops malformed cursors with a message', () => {
    const q = parse('after=%3Cscript%3E');
    expect(q.after).toBeNull();
    expect(q.errors.page).toBe('catalog.error.cursor');
  });
});

describe('pagination links', () => {
  it('goes forward carrying the filters and the way back', () => {
    const params = new URLSearchParams('kategori=TAS&q=&lang=en');
    const page1 = paginationLinks(params, { after: null, prev: [] }, { hasNextPage: true, endCursor: 'c12' });
    expect(page1).toEqual({ next: '/produk?kategori=TAS&after=c12', previous: null, first: null, page: 1 });

    const page2Params = new URLSearchParams('kategori=TAS&after=c12');
    const page2 = paginationLinks(page2Params, { after: 'c12', prev: [] }, { hasNextPage: true, endCursor: 'c24' });
    expect(page2.next).toBe('/produk?kategori=TAS&prev=c12&after=c24');
    expect(page2.previous).toBe('/produk?kategori=TAS');
    expect(page2.first).toBe('/produk?kategori=TAS');
    expect(page2.page).toBe(2);

    const page3Params = new URLSearchParams('kategori=TAS&prev=c12&after=c24');
    const page3 = paginationLinks(page3Params, { after: 'c24', prev: ['c12'] }, { hasNextPage: false, endCursor: 'c30' });
    expect(page3.next).toBeNull();
    expect(page3.previous).toBe('/produk?kategori=TAS&after=c12');
    expect(page3.page).toBe(3);
  });

  it('links to the bare catalog when there are no filters', () => {
    expect(catalogPageHref(new URLSearchParams('after=x'), null)).toBe('/produk');
  });
});

describe('sortOptions', () => {
  const options = (qs: string) => {
    const q = parse(qs);
    return sortOptions(q.filter, q.sort).map((o) => `${o.value || '(default)'}:${o.sort}${o.selected ? '*' : ''}`);
  };

  it('keeps relevance when a filter is applied after a search (the default option sends no urut)', () => {
    expect(options('q=batik')).toEqual(['(default):RELEVANCE*', 'NEWEST:NEWEST', 'PRICE_ASC:PRICE_ASC', 'PRICE_DESC:PRICE_DESC']);
    // What "Terapkan" then sends: urut= (empty), so the next page is sorted by relevance again.
    expect(parse('q=batik&kategori=TAS&urut=').sort).toBe(ProductSort.Relevance);
  });

  it('offers no relevance without a search, and a search typed there gets it', () => {
    expect(options('')).toEqual(['(default):NEWEST*', 'PRICE_ASC:PRICE_ASC', 'PRICE_DESC:PRICE_DESC']);
    expect(parse('q=tas&urut=').sort).toBe(ProductSort.Relevance);
  });

  it('keeps an order the buyer chose', () => {
    expect(options('q=batik&urut=PRICE_ASC')).toContain('PRICE_ASC:PRICE_ASC*');
    expect(options('q=batik&urut=NEWEST')).toContain('NEWEST:NEWEST*');
  });
});

describe('activeFilters', () => {
  const active = (qs: string) => {
    const params = new URLSearchParams(qs);
    return activeFilters(params, parseCatalogParams(params, kampungs)).map((f) => `${f.kind}=${f.value} → ${f.removeHref}`);
  };

  it('lists each filter in force with a plain link to the catalog without it (first page)', () => {
    expect(active('q=batik&kategori=tas&kampung=karang-joang&min=50.000&urut=PRICE_ASC&after=abc&prev=xyz')).toEqual([
      'search=batik → /produk?kategori=tas&kampung=karang-joang&min=50.000&urut=PRICE_ASC',
      'category=TAS → /produk?q=batik&kampung=karang-joang&min=50.000&urut=PRICE_ASC',
      'kampung=karang-joang → /produk?q=batik&kategori=tas&min=50.000&urut=PRICE_ASC',
      'minPrice=50000 → /produk?q=batik&kategori=tas&kampung=karang-joang&urut=PRICE_ASC',
      'sort=PRICE_ASC → /produk?q=batik&kategori=tas&kampung=karang-joang&min=50.000'
    ]);
  });

  it('shows neither the default order nor a filter that was not valid', () => {
    expect(active('q=batik&urut=RELEVANCE&kategori=bukan')).toEqual(['search=batik → /produk?kategori=bukan']);
    expect(active('')).toEqual([]);
  });
});

describe('suggestionLink', () => {
  it('offers the corrected search, with the other filters, when a search found fewer than 5', () => {
    const params = new URLSearchParams('q=batk tuls&kategori=KAIN_BATIK&after=abc');
    expect(suggestionLink(params, 'batik tulis', 0)).toEqual({ text: 'batik tulis', href: '/produk?q=batik+tulis&kategori=KAIN_BATIK' });
    expect(suggestionLink(params, 'batik tulis', 4)).not.toBeNull();
    expect(suggestionLink(params, 'batik tulis', 5)).toBeNull();
    expect(suggestionLink(params, null, 0)).toBeNull();
  });
});
