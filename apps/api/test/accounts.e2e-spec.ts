import { Role } from '../src/modules/accounts/models/role.enum.js';
import { signIn } from './factories.js';
import { AccountsRegisterDocument, DevOutboxDocument, LoginDocument, LogoutDocument, MeDocument, RequestPasswordResetDocument, ResetPasswordDocument, type RegisterInput } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';

/** What a call came to: a thrown code, else the __typename of the mutation's result. */
const outcome = (response: GraphQLResponse<Record<string, { __typename: string } | null>>) =>
  response.errors?.[0]?.extensions?.code ?? Object.values(response.data ?? {})[0]?.__typename;

describe('accounts and sessions', () => {
  let t: TestApp;
  let ipCounter = 0;
  // Each test its own client address, so the per-IP sign-in limit of one test does not spill into another.
  const newIp = () => `10.9.0.${++ipCounter}`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const register = async (input: RegisterInput) => t.gql(AccountsRegisterDocument, { input }, { ip: newIp() });
  /** A new account, signed in by registering. */
  const registered = async (input: RegisterInput) => expectResult((await register(input)).data?.register, 'AuthSession');
  const login = async (identifier: string, password: string, ip = newIp()) => t.gql(LoginDocument, { identifier, password }, { ip });
  const signedInId = async (identifier: string, password: string, ip?: string) => expectResult((await login(identifier, password, ip)).data?.login, 'AuthSession').me.id;

  it('registers with an Indonesian phone number in any common form, stored as E.164', async () => {
    const { data, errors } = await register({ displayName: 'Siti Aminah', phone: '0812-1111-0001', password: 'batik-tulis-1' });
    expect(errors).toBeUndefined();
    const session = expectResult(data?.register, 'AuthSession');
    expect(session.me).toMatchObject({ displayName: 'Siti Aminah', phone: '+6281211110001', email: null, roles: ['BUYER'] });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const ip = newIp();
    for (const form of ['081211110001', '6281211110001', '+62 812 1111 0001']) {
      expect(await signedInId(form, 'batik-tulis-1', ip)).toBe(session.me.id);
    }
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE phone = '+6281211110001'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a second account for the same phone or email with AlreadyExistsError naming the field', async () => {
    await registered({ displayName: 'Wati', email: 'wati@contoh.id', password: 'rahasia-123' });
    const again = await register({ displayName: 'Wati Lagi', email: 'WATI@contoh.id', password: 'rahasia-456' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.register).toMatchObject({ __typename: 'AlreadyExistsError', errorCode: 'ALREADY_EXISTS', field: 'input.email' });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'wati@contoh.id'`)).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ displayName: 'A', phone: '081200000009', password: 'panjang-sekali' }, { field: 'input.displayName', problem: 'TOO_SHORT', min: 2, max: 80 }],
    [{ displayName: 'Ani', phone: '021-555-1234', password: 'panjang-sekali' }, { field: 'input.phone', problem: 'BAD_FORMAT' }],
    [{ displayName: 'Ani', email: 'ani@', password: 'panjang-sekali' }, { field: 'input.email', problem: 'BAD_FORMAT' }],
    [{ displayName: 'Ani', password: 'panjang-sekali' }, { field: 'input.phone', problem: 'REQUIRED' }],
    [{ displayName: 'Ani', phone: '081200000009', password: 'pendek' }, { field: 'input.password', problem: 'TOO_SHORT', min: 8, max: 200 }],
  ])('answers bad registration input (case %#) with InvalidInputError naming the field and its bounds, creating nothing', async (input, expected) => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    const response = await register(input);
    expect(response.data!.register).toMatchObject({ __typename: 'InvalidInputError', errorCode: 'INVALID_INPUT', ...expected });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('answers a wrong password and an unknown account with the same InvalidCredentialsError', async () => {
    await registered({ displayName: 'Rina', phone: '081211110002', password: 'benar-sekali' });
    const wrongPassword = await login('081211110002', 'salah-sekali');
    const unknown = await login('081299998888', 'salah-sekali');
    expect(wrongPassword.errors).toBeUndefined();
    expect(wrongPassword.data!.login).toEqual({ __typename: 'InvalidCredentialsError', errorCode: 'INVALID_CREDENTIALS', message: 'Wrong phone/email or password' });
    expect(unknown.data).toEqual(wrongPassword.data);
  });

  it('knows the caller from the bearer token, and forgets her after logout', async () => {
    const session = await registered({ displayName: 'Dewi', phone: '081211110003', password: 'kain-cap-123' });
    const token = session.token;
    expect((await t.gql(MeDocument, {}, { token })).data).toEqual({ me: { id: session.me.id, displayName: 'Dewi', roles: ['BUYER'] } });
    expect((await t.gql(MeDocument)).data).toEqual({ me: null });
    expect((await t.gql(MeDocument, {}, { token: 'bukan-token-yang-benar-sama-sekali-1234' })).data).toEqual({ me: null });

    expect((await t.gql(LogoutDocument, {}, { token })).data).toEqual({ logout: true });
    expect((await t.gql(MeDocument, {}, { token })).data).toEqual({ me: null });
    expect((await t.gql(LogoutDocument, {}, { token })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('ends expired sessions', async () => {
    const session = await registered({ displayName: 'Yuli', phone: '081211110004', password: 'tas-perca-123' });
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.me.id]);
    expect((await t.gql(MeDocument, {}, { token: session.token })).data).toEqual({ me: null });
  });

  it('rotates the session on sign-in: the token used to sign in again stops working', async () => {
    const old = (await registered({ displayName: 'Nur', phone: '081211110005', password: 'selendang-1' })).token;
    const renewed = await t.gql(LoginDocument, { identifier: '081211110005', password: 'selendang-1' }, { token: old, ip: newIp() });
    expect((await t.gql(MeDocument, {}, { token: expectResult(renewed.data?.login, 'AuthSession').token })).data!.me!.displayName).toBe('Nur');
    expect((await t.gql(MeDocument, {}, { token: old })).data).toEqual({ me: null });
  });

  describe('sign-in limits', () => {
    const wrong = (i: number) => `salah-${i}-xx`;
    /** OK, a wrong password (INVALID_CREDENTIALS) or the thrown limit (TOO_MANY_REQUESTS). */
    const codeOf = (response: GraphQLResponse<{ login: { __typename: string; errorCode?: string } }>) =>
      response.errors?.[0]?.extensions?.code ?? (response.data!.login.__typename === 'AuthSession' ? 'OK' : response.data!.login.errorCode);
    // The wait after a failure, as if it had passed: the rows rate-limiter-flexible keeps for the delays.
    const letDelaysPass = () => t.dataSource.query(`UPDATE rate_limits SET expire = $1 WHERE key LIKE 'sign_in_account_address_gate:%'`, [Date.now() - 1]);

    it('never locks the right password out from an address that has not been failing', async () => {
      await registered({ displayName: 'Lusi', phone: '081211110006', password: 'akar-bakau-1' });
      const attacker = newIp();
      const outcomes = [];
      for (let i = 0; i < 6; i++) outcomes.push(codeOf(await login('081211110006', wrong(i), attacker)));
      expect(outcomes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'TOO_MANY_REQUESTS']);

      const fromHerPhone = await login('081211110006', 'akar-bakau-1', newIp());
      expect(fromHerPhone.errors).toBeUndefined();
      expect(expectResult(fromHerPhone.data?.login, 'AuthSession').token).toBeTruthy();
      // The failing address itself is slowed down, even with the right password.
      const blocked = await login('081211110006', 'akar-bakau-1', attacker);
      expect(blocked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe(String(blocked.errors![0].extensions!.retryAfterSeconds));
      expect(blocked.errors![0].message).toMatch(/^Too many attempts: try again in \d+ (s|min)\.$/);
      expect(blocked.data).toBeNull();
    });

    it('slows a failing address down with growing delays, and forgets them after the right password', async () => {
      await registered({ displayName: 'Eka', phone: '081211110008', password: 'tenun-ikat-1' });
      const ip = newIp();
      for (let i = 0; i < 5; i++) expect(codeOf(await login('081211110008', wrong(i), ip))).toBe('INVALID_CREDENTIALS');
      const waits = [];
      for (let round = 0; round < 3; round++) {
        const refused = await login('081211110008', wrong(9), ip);
        expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
        waits.push(refused.errors![0].extensions!.retryAfterSeconds);
        await letDelaysPass();
        expect(codeOf(await login('081211110008', wrong(round), ip))).toBe('INVALID_CREDENTIALS');
      }
      expect(waits).toEqual([60, 120, 240]);

      await letDelaysPass();
      expect(codeOf(await login('081211110008', 'tenun-ikat-1', ip))).toBe('OK');
      // A success starts her over with the free tries.
      for (let i = 0; i < 5; i++) expect(codeOf(await login('081211110008', wrong(i), ip))).toBe('INVALID_CREDENTIALS');
    });

    it('does not let parallel guesses past the delays', async () => {
      await registered({ displayName: 'Sri', phone: '081211110009', password: 'jumputan-1' });
      const ip = newIp();
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => login('081211110009', wrong(i), ip).then(codeOf)));
      // The 5 free tries, and at most the one let through after them (unless the 5th failure's delay came first); the rest wait.
      const guesses = outcomes.filter((code) => code === 'INVALID_CREDENTIALS').length;
      expect(guesses).toBeGreaterThanOrEqual(5);
      expect(guesses).toBeLessThanOrEqual(6);
      expect(outcomes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(20 - guesses);
    });

    it('never counts successful sign-ins: 40 from one address all pass', async () => {
      await registered({ displayName: 'Tuti', phone: '081211110010', password: 'sasirangan-1' });
      const ip = newIp();
      const outcomes = [];
      for (let i = 0; i < 40; i++) outcomes.push(codeOf(await login('081211110010', 'sasirangan-1', ip)));
      expect(outcomes).toEqual(Array(40).fill('OK'));
    });

    it('limits failures per address across accounts (credential stuffing) to 100 a day, that address only', async () => {
      const ip = newIp();
      const outcomes = [];
      for (let i = 0; i < 101; i++) outcomes.push(codeOf(await login(`0812999${String(i).padStart(5, '0')}`, 'apa-saja-123', ip)));
      expect(outcomes).toEqual([...Array(100).fill('INVALID_CREDENTIALS'), 'TOO_MANY_REQUESTS']);
      expect(codeOf(await login('081299900200', 'apa-saja-123', newIp()))).toBe('INVALID_CREDENTIALS');
    });
  });

  it('limits registrations per address: 30 an hour', async () => {
    const ip = newIp();
    const outcomes = [];
    for (let i = 0; i < 31; i++) {
      const response = await t.gql(AccountsRegisterDocument, { input: { displayName: `Warga ${i}`, email: `warga${i}@contoh.id`, password: 'rahasia-123' } }, { ip });
      outcomes.push(outcome(response));
      if (i === 30) expect({ status: response.status, retryAfter: Number(response.headers.get('retry-after')) }).toEqual({ status: 429, retryAfter: expect.any(Number) });
    }
    expect(outcomes).toEqual([...Array(30).fill('AuthSession'), 'TOO_MANY_REQUESTS']);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'warga%@contoh.id'`)).toEqual([{ n: 30 }]);
    await registered({ displayName: 'Warga Lain', email: 'warga.lain@contoh.id', password: 'rahasia-123' });
  });

  describe('password reset', () => {
    const requestReset = (identifier: string, ip = newIp()) => t.gql(RequestPasswordResetDocument, { identifier }, { ip });
    const reset = (identifier: string, code: string, newPassword: string) => t.gql(ResetPasswordDocument, { identifier, code, newPassword });
    const sent = { requestPasswordReset: { __typename: 'Success', success: true } };
    // The outbox is the admin's: a reset code there takes over an account.
    const latestCode = async (recipient: string) => {
      const { data } = await t.gql(DevOutboxDocument, { first: 20 }, { token: (await signIn(t, { roles: [Role.ADMIN] })).token });
      const message = data!.devOutbox.find((m) => m.recipient === recipient)!;
      return { channel: message.channel, code: /(\d{6})/.exec(message.body)![1] };
    };

    it('sends a one-time code through the outbox and lets her choose a new password, ending old sessions', async () => {
      const session = await registered({ displayName: 'Hasnah', phone: '081211110007', password: 'lupa-lagi-1' });
      expect((await requestReset('0812 1111 0007')).data).toEqual(sent);
      const { channel, code } = await latestCode('+6281211110007');
      expect(channel).toBe('SMS');

      const done = await reset('081211110007', code, 'ingat-sekarang-1');
      expect(done.errors).toBeUndefined();
      expectResult(done.data?.resetPassword, 'AuthSession');
      expect((await t.gql(MeDocument, {}, { token: session.token })).data).toEqual({ me: null });
      expect(await signedInId('081211110007', 'ingat-sekarang-1')).toBe(session.me.id);
      expect(outcome(await login('081211110007', 'lupa-lagi-1'))).toBe('InvalidCredentialsError');
      // One code, one use.
      expect((await reset('081211110007', code, 'ketiga-kali-1')).data!.resetPassword).toMatchObject({ __typename: 'InvalidResetCodeError', errorCode: 'INVALID_RESET_CODE' });
    });

    it('says the same for an unknown account and sends nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_messages');
      expect((await requestReset('tidak.ada@contoh.id')).data).toEqual(sent);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_messages')).toEqual(before);
    });

    it('gives up on a code after five wrong tries', async () => {
      await registered({ displayName: 'Maria', email: 'maria@contoh.id', password: 'awal-mula-1' });
      await requestReset('maria@contoh.id');
      const { channel, code } = await latestCode('maria@contoh.id');
      expect(channel).toBe('EMAIL');
      // Each wrong try is counted although the call answers an error result (its transaction commits the count).
      for (let i = 0; i < 5; i++) expect(outcome(await reset('maria@contoh.id', '000000' === code ? '111111' : '000000', 'baru-sekali-1'))).toBe('InvalidResetCodeError');
      expect(await t.dataSource.query(`SELECT attempts FROM password_resets WHERE used_at IS NULL AND user_id = (SELECT id FROM users WHERE email = 'maria@contoh.id')`)).toEqual([{ attempts: 5 }]);
      expect(outcome(await reset('maria@contoh.id', code, 'baru-sekali-1'))).toBe('InvalidResetCodeError');
    });

    it('answers a new password that is too short with InvalidInputError, before looking at the code', async () => {
      expect((await reset('081211110007', '123456', 'pendek')).data!.resetPassword).toMatchObject({ __typename: 'InvalidInputError', field: 'newPassword', problem: 'TOO_SHORT', min: 8 });
    });

    it('limits code requests per account and address, so one address cannot use up her codes for everyone', async () => {
      await registered({ displayName: 'Nining', phone: '081211110011', password: 'ecoprint-1' });
      const attacker = newIp();
      const outcomes = [];
      for (let i = 0; i < 6; i++) outcomes.push(outcome(await requestReset('081211110011', attacker)));
      expect(outcomes).toEqual([...Array(5).fill('Success'), 'TOO_MANY_REQUESTS']);
      expect((await requestReset('081211110011')).data).toEqual(sent);
      // Unknown accounts are counted the same way: the limit does not tell which exist.
      const probe = newIp();
      for (let i = 0; i < 5; i++) await requestReset('081211119999', probe);
      expect((await requestReset('081211119999', probe)).errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    });

    it('limits code requests per address across accounts: 10 an hour', async () => {
      const ip = newIp();
      const outcomes = [];
      for (let i = 0; i < 11; i++) outcomes.push(outcome(await requestReset(`tamu${i}@contoh.id`, ip)));
      expect(outcomes).toEqual([...Array(10).fill('Success'), 'TOO_MANY_REQUESTS']);
    });
  });
});
