import { ParamError } from './errors.js';
import { Params, canonical, parseForm } from './params.js';

describe('Stripe form parameters', () => {
  it('reads bracket notation into hashes and indexed lists', () => {
    const body = 'mode=payment&line_items[0][price_data][unit_amount]=35000000&line_items[0][quantity]=1&line_items[1][quantity]=2&metadata[order]=A%26B&expand[]=x&expand[]=y';
    expect(parseForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '35000000' }, quantity: '1' }, { quantity: '2' }],
      metadata: { order: 'A&B' },
      expand: ['x', 'y'],
    });
    // The SDK leaves brackets unencoded; a client that encodes them means the same.
    expect(parseForm('metadata%5Border%5D=1')).toEqual({ metadata: { order: '1' } });
  });

  it('refuses a name given both as a value and as a hash', () => {
    expect(() => parseForm('metadata=x&metadata[a]=1')).toThrow(ParamError);
    expect(() => parseForm('metadata[a]=1&metadata=x')).toThrow(ParamError);
  });

  it('does not let a parameter reach Object.prototype', () => {
    const parsed = parseForm('__proto__[polluted]=1&metadata[__proto__][polluted]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'metadata']);
  });

  it('names the full path of a missing, malformed or unknown parameter, as Stripe does', () => {
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (caught) {
        return caught as ParamError;
      }
      throw new Error('expected a ParamError');
    };
    const p = new Params(parseForm('line_items[0][quantity]=two&line_items[0][colour]=red'));
    const [line] = p.objects('line_items')!;
    expect(error(() => line.integer('quantity'))).toMatchObject({ param: 'line_items[0][quantity]', code: 'parameter_invalid_integer', message: 'Invalid integer: two' });
    expect(error(() => line.string('price', { required: true }))).toMatchObject({ param: 'line_items[0][price]', code: 'parameter_missing' });
    expect(error(() => p.done())).toMatchObject({ param: 'line_items[0][colour]', code: 'parameter_unknown', message: 'Received unknown parameter: line_items[0][colour]' });
    expect(error(() => new Params(parseForm('amount=0')).integer('amount', { min: 1 }))).toMatchObject({ param: 'amount', message: 'This value must be greater than or equal to 1.' });
  });

  it('keeps metadata values, drops empty ones and holds Stripe limits', () => {
    expect(new Params(parseForm('metadata[order]=KI-1&metadata[note]=')).metadata()).toEqual({ order: 'KI-1' });
    expect(() => new Params(parseForm(`metadata[${'k'.repeat(41)}]=1`)).metadata()).toThrow(/at most 40/);
  });

  it('compares requests by their parameters, not by the order they were written in', () => {
    expect(canonical(parseForm('a=1&b[x]=2&b[y]=3'))).toBe(canonical(parseForm('b[y]=3&a=1&b[x]=2')));
    expect(canonical(parseForm('a=1'))).not.toBe(canonical(parseForm('a=2')));
  });
});
