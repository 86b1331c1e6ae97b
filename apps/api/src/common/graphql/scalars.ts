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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day the calendar has: JavaScript rolls 2026-02-30 over to March 2, and PostgreSQL refuses it (and year 0). */
const isCalendarDate = (value: string) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value && !value.startsWith('0000');
};

function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value) && isCalendarDate(value)) return value;
  throw badScalar(`Date must look like 2026-03-10 (got ${JSON.stringify(value)})`);
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date (YYYY-MM-DD), no time zone',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
