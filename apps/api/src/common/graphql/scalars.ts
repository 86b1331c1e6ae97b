import { isCalendarDate } from '@karya-ibu/types';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const badScalar = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseRupiah(value: unknown): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,30}$/.test(value.trim())) return BigInt(value.trim());
  throw badScalar(`Rupiah must be a whole number of rupiah such as "350000" (got ${JSON.stringify(value)})`);
}

export const RupiahScalar = new GraphQLScalarType<bigint, string>({
  name: 'Rupiah',
  description: 'Whole Indonesian rupiah as a decimal string (arbitrary precision, never a float)',
  serialize: (value) => {
    if (typeof value === 'bigint') return value.toString();
    return parseRupiah(value).toString();
  },
  parseValue: parseRupiah,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parseRupiah(ast.kind === Kind.INT ? ast.value : ast.value);
    throw badScalar('Rupiah must be a whole number of rupiah such as "350000"');
  },
});

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw badScalar(`Date must be a day of the calendar written like 2026-03-10 (got ${JSON.stringify(value)})`);
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date (YYYY-MM-DD), no time zone',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
