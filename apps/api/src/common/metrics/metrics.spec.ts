import { BoundedLabel } from './metrics.js';

describe('BoundedLabel', () => {
  it('keeps the first distinct values, cut to length, and calls the rest "other"', () => {
    const label = new BoundedLabel(2, 8);
    expect(['ProductPage', 'Home', 'ProductPage', 'Invented1', 'Home', 'Invented2'].map((value) => label.of(value))).toEqual(['ProductP', 'Home', 'ProductP', 'other', 'Home', 'other']);
  });

  it('bounds a flood of invented names to max + 1 label values', () => {
    const label = new BoundedLabel(200);
    const values = new Set(Array.from({ length: 10_000 }, (_, i) => label.of(`Op${i}`)));
    expect(values.size).toBe(201);
  });
});
