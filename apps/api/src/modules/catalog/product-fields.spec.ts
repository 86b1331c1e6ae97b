import type { CreateProductInput } from './dto/product.input.js';
import { BatikTechnique, ProductCategory, ProductStatus } from './models/catalog.enums.js';
import { todayInWita, validateProductFields } from './product-fields.js';

const valid: CreateProductInput = {
  title: '  Kain   Batik Tulis ',
  description: 'Kain katun 2 meter.\nDibatik tulis.',
  category: ProductCategory.KAIN_BATIK,
  technique: BatikTechnique.TULIS,
  material: 'Katun',
  weightGrams: 300,
  priceIdr: 350_000n,
  stock: 2,
};

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { field?: string } }).extensions?.field;
  }
  return undefined;
};

describe('validateProductFields', () => {
  it('normalises text and defaults a new product to ACTIVE', () => {
    expect(validateProductFields(valid, 'create', '2026-11-28')).toMatchObject({
      title: 'Kain Batik Tulis',
      description: 'Kain katun 2 meter.\nDibatik tulis.',
      status: ProductStatus.ACTIVE,
      priceIdr: 350_000n,
    });
  });

  it('accepts the price limits exactly', () => {
    expect(validateProductFields({ ...valid, priceIdr: 1n }, 'create', '2026-11-28').priceIdr).toBe(1n);
    expect(validateProductFields({ ...valid, priceIdr: 100_000_000n }, 'create', '2026-11-28').priceIdr).toBe(100_000_000n);
  });

  it.each([
    [{ priceIdr: 0n }, 'input.priceIdr'],
    [{ priceIdr: 100_000_001n }, 'input.priceIdr'],
    [{ stock: -1 }, 'input.stock'],
    [{ stock: 1.5 }, 'input.stock'],
    [{ weightGrams: 0 }, 'input.weightGrams'],
    [{ title: 'Ka' }, 'input.title'],
    [{ madeOn: '2026-11-29' }, 'input.madeOn'],
    [{ motifId: 'motif' }, 'input.motifId'],
    [{ material: undefined }, 'input.material'],
  ])('refuses %p naming %s', (change, name) => {
    expect(field(() => validateProductFields({ ...valid, ...change }, 'create', '2026-11-28'))).toBe(name);
  });

  it('checks only what an update gives', () => {
    expect(validateProductFields({ stock: 0 }, 'update', '2026-11-28')).toEqual({ stock: 0 });
    expect(validateProductFields({ technique: null }, 'update', '2026-11-28')).toEqual({ technique: null });
  });
});

describe('todayInWita', () => {
  it('is already tomorrow in Balikpapan from 16:00 UTC', () => {
    expect(todayInWita(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28');
    expect(todayInWita(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });
});
