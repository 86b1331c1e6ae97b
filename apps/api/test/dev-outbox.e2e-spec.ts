import { Role } from '../src/modules/accounts/models/role.enum.js';
import { signIn } from './factories.js';
import { DevOutboxDocument, RequestPasswordResetDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const OUTBOX = DevOutboxDocument;
const REQUEST_RESET = RequestPasswordResetDocument;

/** Reset codes land in the outbox: whoever reads it can take over the account. */
describe('devOutbox', () => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      await signIn(t, { displayName: 'Korban' }).then(({ phone }) => t.gql(REQUEST_RESET, { identifier: phone }, { ip: '10.20.0.1' }));
    });
    afterAll(() => t.close());

    it('shows no code to an anonymous caller, not even on this machine', async () => {
      const response = await t.gql(OUTBOX);
      expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(response.data).toBeNull();
      expect(JSON.stringify(response)).not.toMatch(/\d{6}/);
    });

    it('is FORBIDDEN to any account but an admin', async () => {
      for (const roles of [[], [Role.SELLER], [Role.PENDAMPING], [Role.OFFICER]]) {
        const { token } = await signIn(t, { roles });
        const response = await t.gql(OUTBOX, {}, { token });
        expect({ roles, code: response.errors?.[0]?.extensions?.code, data: response.data }).toEqual({ roles, code: 'FORBIDDEN', data: null });
      }
    });

    it('shows the admin the codes', async () => {
      const { token } = await signIn(t, { roles: [Role.ADMIN] });
      const response = await t.gql(OUTBOX, {}, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.devOutbox[0].body).toMatch(/\b\d{6}\b/);
    });
  });

  describe('with DEV_OUTBOX_LOCAL=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DEV_OUTBOX_LOCAL: 'true' });
    });
    afterAll(() => t.close());

    it('also answers a caller on this machine', async () => {
      expect((await t.gql(OUTBOX)).data).toEqual({ devOutbox: [] });
    });

    it('but not a visitor the storefront calls for: its server is on this machine, the visitor is not', async () => {
      expect((await t.gql(OUTBOX, {}, { ip: '203.0.113.9' })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });
  });
});
