import { InvalidInputError } from '../../common/errors/error-result.js';
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

const fieldsOf = (input: Partial<CreateProductInput>, mode: 'create' | 'update' = 'create') => validateProductFields({ ...valid, ...input }, mode, '2026-11-28');

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
    expect(fieldsOf({ priceIdr: 1n })).toMatchObject({ priceIdr: 1n });
    expect(fieldsOf({ priceIdr: 100_000_000n })).toMatchObject({ priceIdr: 100_000_000n });
  });

  it.each([
    [{ priceIdr: 0n }, { field: 'input.priceIdr', problem: 'OUT_OF_RANGE', min: 1, max: 100_000_000 }],
    [{ priceIdr: 100_000_001n }, { field: 'input.priceIdr', problem: 'OUT_OF_RANGE' }],
    [{ stock: -1 }, { field: 'input.stock', problem: 'OUT_OF_RANGE', min: 0, max: 10_000 }],
    [{ stock: 1.5 }, { field: 'input.stock', problem: 'OUT_OF_RANGE' }],
    [{ weightGrams: 0 }, { field: 'input.weightGrams', problem: 'OUT_OF_RANGE' }],
    [{ title: 'Ka' }, { field: 'input.title', problem: 'TOO_SHORT', min: 3, max: 120 }],
    [{ title: '   ' }, { field: 'input.title', problem: 'REQUIRED' }],
    [{ madeOn: '2026-11-29' }, { field: 'input.madeOn', problem: 'OUT_OF_RANGE' }],
    [{ status: ProductStatus.ARCHIVED }, { field: 'input.status', problem: 'UNKNOWN_OPTION' }],
    [{ material: undefined }, { field: 'input.material', problem: 'REQUIRED' }],
  ])('answers %p with an InvalidInputError %p', (change, expected) => {
    const result = fieldsOf(change);
    expect(result).toBeInstanceOf(InvalidInputError);
    expect(result).toMatchObject({ errorCode: 'INVALID_INPUT', ...expected });
  });

  it('throws BAD_USER_INPUT for a motif id that is no id at all (malformed, not a person\'s mistake)', () => {
    expect(() => fieldsOf({ motifId: 'motif' })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.motifId' } }));
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
