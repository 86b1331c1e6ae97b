import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { repoRoot } from '../src/config/env.js';
import { createKampung, createProduct, createSellerAccount, createTrainingProgram, signIn } from './factories.js';
import { createTestApp, type CallAs, type TestApp } from './harness/test-app.js';

/**
 * Every query and mutation in the schema, called by a guest, a seller and an admin with odd values in
 * every argument: none may answer an internal error. Bad input is a result type or BAD_USER_INPUT;
 * an odd value that reaches PostgreSQL (a NUL character, a day the calendar does not have, a number
 * too large for its column) must be refused before it does. The operations come from the schema
 * file, so a new one is covered the day it is added.
 */

const schema = buildSchema(readFileSync(path.join(repoRoot(), 'apps', 'api', 'schema.gql'), 'utf8'));

/** Ends the caller's own session, which the calls after it need. */
const SKIPPED = new Set(['logout']);

interface OddValues {
  name: string;
  string: string;
  int: number;
  rupiah: string;
  date: string;
  dateTime: string;
  /** An id: one of the test's own rows where the argument's name says which, else this. */
  id: string;
}

const ODD_VALUES: OddValues[] = [
  { name: 'long', string: 'x'.repeat(5000), int: 2_147_483_647, rupiah: '9'.repeat(30), date: '9999-12-31', dateTime: '9999-12-31T23:59:59Z', id: randomUUID() },
  { name: 'hostile', string: "'; DROP TABLE users; -- \uD800 🧵", int: -2_147_483_648, rupiah: `-${'9'.repeat(29)}`, date: '2026-02-30', dateTime: '0001-01-01T00:00:00Z', id: 'bukan-id' },
  { name: 'nul', string: 'batik\u0000tulis', int: 1, rupiah: '350000', date: '0000-01-01', dateTime: '2026-12-01T00:00:00Z', id: '\u0000' },
  // Ordinary everywhere but the day, so that it gets past the other checks to where a date is used.
  { name: 'no-such-day', string: 'Batik tulis kawung', int: 1, rupiah: '350000', date: '2026-02-30', dateTime: '2026-02-30T10:00:00Z', id: randomUUID() },
  // The same for numbers too large for their columns (a bigint holds 19 digits, an integer 10).
  { name: 'huge-numbers', string: 'Batik tulis kawung', int: 2_147_483_647, rupiah: '9'.repeat(30), date: '2026-11-30', dateTime: '2026-11-30T10:00:00Z', id: randomUUID() },
  { name: 'empty', string: ' ', int: 0, rupiah: '0', date: '2026-12-01', dateTime: '2026-12-01T00:00:00+08:00', id: '00000000-0000-0000-0000-000000000000' },
];

describe('odd input against every operation', () => {
  let t: TestApp;
  let callers: Record<'guest' | 'seller' | 'admin', CallAs>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const kampung = await createKampung(t);
    const { seller, login } = await createSellerAccount(t, kampung);
    const product = await createProduct(t, seller);
    const program = await createTrainingProgram(t);
    const admin = await signIn(t, { roles: [Role.ADMIN] });
    callers = { guest: { ip: '10.88.0.1' }, seller: { token: login.token, ip: '10.88.0.2' }, admin: { token: admin.token, ip: '10.88.0.3' } };
    ids = { productId: product.id, id: product.id, sellerId: seller.id, kampungId: kampung.id, programId: program.id, trainingProgramId: program.id };
  }, 60_000);
  afterAll(() => t.close());

  function valueOf(type: GraphQLInputType, odd: OddValues, name: string, everyField: boolean): unknown {
    if (isNonNullType(type)) return valueOf(type.ofType, odd, name, everyField);
    if (isListType(type)) return [valueOf(type.ofType, odd, name, everyField)];
    if (isEnumType(type)) return type.getValues()[0].name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter((f) => everyField || isNonNullType(f.type));
      return Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, odd, f.name, everyField)]));
    }
    switch (type.name) {
      case 'Int':
        return odd.int;
      case 'Float':
        return odd.int;
      case 'Boolean':
        return true;
      case 'ID':
        return ids[name] ?? odd.id;
      case 'Rupiah':
        return odd.rupiah;
      case 'Date':
        return odd.date;
      case 'DateTime':
        return odd.dateTime;
      default:
        return odd.string;
    }
  }

  function callOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, odd: OddValues, everyArgument: boolean) {
    const args = field.args.filter((a: GraphQLArgument) => everyArgument || isNonNullType(a.type));
    const declared = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
    const passed = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || isUnionType(named) || isInterfaceType(named) ? ' { __typename }' : '';
    return { query: `${kind}${declared} { ${field.name}${passed}${selection} }`, variables: Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, odd, a.name, everyArgument)])) };
  }

  it.each(ODD_VALUES.map((odd) => [odd.name, odd] as const))('answers %s values with no internal error, as any caller', async (_name, odd) => {
    const internal: string[] = [];
    let calls = 0;
    for (const [kind, root] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const field of Object.values(root.getFields())) {
        if (SKIPPED.has(field.name)) continue;
        for (const everyArgument of [false, true]) {
          const { query, variables } = callOf(kind, field, odd, everyArgument);
          for (const [who, as] of Object.entries(callers)) {
            const response = await t.rawGql(query, variables, as);
            calls++;
            const codes = (response.errors ?? []).map((e) => e.extensions?.code);
            if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) internal.push(`${who} ${field.name}${everyArgument ? ' (every argument)' : ''}: ${JSON.stringify(response.errors)}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(internal).toEqual([]);
  }, 240_000);
});
