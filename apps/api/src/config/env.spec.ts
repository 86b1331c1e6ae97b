import { ConfigError, loadConfig } from './env.js';

const s3 = { S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY: 'karya', S3_SECRET_KEY: 'rahasia', S3_BUCKET: 'karya-ibu' };

describe('loadConfig', () => {
  it('falls back to embedded PostgreSQL and S3 with the demo seed when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 4000, databaseUrl: null, s3: null, seedDemoData: true, logSql: false });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('uses a real PostgreSQL and MinIO when configured, without seeding unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/karya', ...s3, S3_PUBLIC_URL: 'https://media.karyaibu.id/' });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/karya');
    expect(config.s3).toEqual({
      endPoint: 'minio',
      port: 9000,
      useSSL: false,
      accessKey: 'karya',
      secretKey: 'rahasia',
      bucket: 'karya-ibu',
      region: 'us-east-1',
      publicUrl: 'https://media.karyaibu.id',
    });
    expect(config.seedDemoData).toBe(false);
    expect(loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.example.id' }).s3).toMatchObject({ port: 443, useSSL: true, publicUrl: 'https://s3.example.id' });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'prod', API_PORT: '99999', DATABASE_URL: 'mysql://x', S3_ENDPOINT: 'http://minio:9000', SEED_DEMO_DATA: 'ya' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const variable of ['NODE_ENV', 'API_PORT', 'DATABASE_URL', 'S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET', 'SEED_DEMO_DATA']) {
      expect(problems).toContain(variable);
    }
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('listens everywhere, trusts no proxy and lets nobody vouch for addresses unless configured', () => {
    expect(loadConfig({})).toMatchObject({ host: '0.0.0.0', trustProxy: false, clientAddressSecret: null, devOutboxLocal: false, searchLimitPerMinute: 60 });
    const secret = 'k'.repeat(32);
    expect(loadConfig({ API_HOST: '127.0.0.1', TRUST_PROXY: '10.0.0.0/8, loopback', CLIENT_ADDRESS_SECRET: secret, DEV_OUTBOX_LOCAL: 'true', SEARCH_LIMIT_PER_MINUTE: '120' })).toMatchObject({
      host: '127.0.0.1',
      trustProxy: ['10.0.0.0/8', 'loopback'],
      clientAddressSecret: secret,
      devOutboxLocal: true,
      searchLimitPerMinute: 120,
    });
  });

  it.each([
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '1'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'ingress.local'],
    ['CLIENT_ADDRESS_SECRET', 'kurang-panjang'],
    ['API_HOST', 'semua'],
    ['SEARCH_LIMIT_PER_MINUTE', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('limits GraphQL operations and API statements by default, and takes other limits', () => {
    expect(loadConfig({})).toMatchObject({
      graphqlLimits: { maxDepth: 8, maxComplexity: 5000, maxAliases: 15, maxTokens: 1000, maxRootFields: 10, maxDirectives: 10 },
      dbStatementTimeoutMs: 5000,
    });
    const config = loadConfig({ GRAPHQL_MAX_ALIASES: '30', GRAPHQL_MAX_TOKENS: '4000', GRAPHQL_MAX_ROOT_FIELDS: '20', DB_STATEMENT_TIMEOUT_MS: '0' });
    expect(config.graphqlLimits).toMatchObject({ maxAliases: 30, maxTokens: 4000, maxRootFields: 20 });
    expect(config.dbStatementTimeoutMs).toBe(0);
    const problems = (() => {
      try {
        loadConfig({ DB_STATEMENT_TIMEOUT_MS: '5s', GRAPHQL_MAX_TOKENS: '10' });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([expect.stringMatching(/^GRAPHQL_MAX_TOKENS must be a whole number from 100/), expect.stringMatching(/^DB_STATEMENT_TIMEOUT_MS must be a whole number from 0/)]);
  });

  it('rejects a bucket name S3 would refuse', () => {
    expect(() => loadConfig({ ...s3, S3_BUCKET: 'Karya_Ibu' })).toThrow(/S3_BUCKET/);
  });

  it('logs readable lines in development and JSON elsewhere, and scrapes metrics on a port of their own', () => {
    expect(loadConfig({})).toMatchObject({ log: { level: 'info', format: 'pretty' }, metricsPort: 9464 });
    expect(loadConfig({ NODE_ENV: 'production' }).log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_FORMAT: 'pretty', METRICS_PORT: '9100' })).toMatchObject({ log: { level: 'warn', format: 'pretty' }, metricsPort: 9100 });
    const problems = (() => {
      try {
        loadConfig({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml', API_PORT: '9464' });
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual([expect.stringMatching(/^METRICS_PORT must differ from API_PORT/), expect.stringMatching(/^LOG_LEVEL/), expect.stringMatching(/^LOG_FORMAT/)]);
  });

  it('sends buyers back to the storefront and shows the platform\'s bank account (a demo one unless set)', () => {
    expect(loadConfig({})).toMatchObject({ storefrontUrl: 'http://localhost:3000', bankAccount: { bank: 'Bank Contoh (demo)' } });
    expect(loadConfig({ STOREFRONT_URL: 'https://karyaibu.id/', BANK_TRANSFER_ACCOUNT: 'BRI | 0123-01-000123-30-1 | Yayasan Karya Ibu' })).toMatchObject({
      storefrontUrl: 'https://karyaibu.id',
      bankAccount: { bank: 'BRI', number: '0123-01-000123-30-1', holder: 'Yayasan Karya Ibu' },
    });
    expect(() => loadConfig({ BANK_TRANSFER_ACCOUNT: 'BRI 0123' })).toThrow(/BANK_TRANSFER_ACCOUNT must be bank\|number\|holder/);
    expect(() => loadConfig({ STOREFRONT_URL: 'karyaibu.id' })).toThrow(/STOREFRONT_URL must be an http\(s\) URL/);
  });

  describe('Stripe', () => {
    const key = 'sk_test_51Karya0123456789abcdefXYZ';
    const webhookSecret = 'whsec_0123456789abcdefABCDEF0123456789';
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
      return '';
    };

    it('falls back to the local Stripe test server when no STRIPE_* is set', () => {
      expect(loadConfig({})).toMatchObject({ stripe: null, embeddedStripePort: 12111 });
    });

    it('talks to Stripe itself with both secrets, or to another Stripe-compatible server with STRIPE_API_URL', () => {
      expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_live_51Karya0123456789abcdef', STRIPE_WEBHOOK_SECRET: webhookSecret }).stripe).toEqual({
        secretKey: 'sk_live_51Karya0123456789abcdef',
        webhookSecret,
        apiBase: null,
      });
      expect(loadConfig({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: 'http://127.0.0.1:12111' }).stripe?.apiBase).toEqual({
        protocol: 'http',
        host: '127.0.0.1',
        port: 12111,
      });
      expect(loadConfig({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: 'https://stripe-mock.internal' }).stripe?.apiBase).toEqual({
        protocol: 'https',
        host: 'stripe-mock.internal',
        port: 443,
      });
    });

    it('wants both secrets or neither', () => {
      expect(problemsOf({ STRIPE_SECRET_KEY: key })).toMatch(/STRIPE_WEBHOOK_SECRET must be set together with STRIPE_SECRET_KEY/);
      expect(problemsOf({ STRIPE_WEBHOOK_SECRET: webhookSecret })).toMatch(/STRIPE_SECRET_KEY must be set together with STRIPE_WEBHOOK_SECRET/);
      expect(problemsOf({ STRIPE_API_URL: 'http://127.0.0.1:12111' })).toMatch(/STRIPE_API_URL needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
    });

    it('refuses keys of the wrong kind without echoing them', () => {
      const problems = problemsOf({ STRIPE_SECRET_KEY: 'pk_test_51Karya0123456789abcdefXYZ', STRIPE_WEBHOOK_SECRET: 'sekret-1234567890abcdef' });
      expect(problems).toMatch(/STRIPE_SECRET_KEY must be a secret or restricted key .*got "pk_test_…"/);
      expect(problems).toMatch(/STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret, whsec_… \(got "…"\)/);
      expect(problems).not.toContain('51Karya');
      expect(problems).not.toContain('sekret');
    });

    it('calls a cut-off key cut off, not publishable', () => {
      const problems = problemsOf({ STRIPE_SECRET_KEY: 'sk_test_51Kar', STRIPE_WEBHOOK_SECRET: 'whsec_abc' });
      expect(problems).toMatch(/STRIPE_SECRET_KEY must be a secret or restricted key .*, the whole key as Stripe shows it \(got "sk_test_…"\)/);
      expect(problems).toMatch(/STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret, the whole secret as Stripe shows it \(got "whsec_…"\)/);
      expect(problems).not.toContain('publishable');
    });

    it('sends a live key to Stripe only, and takes a server address without a path', () => {
      expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_live_51Karya0123456789abcdef', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: 'http://127.0.0.1:12111' })).toMatch(
        /STRIPE_API_URL takes test keys only/,
      );
      expect(problemsOf({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: 'http://127.0.0.1:12111/v1' })).toMatch(/without a path/);
      expect(problemsOf({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: 'stripe:12111' })).toMatch(/STRIPE_API_URL must be an http\(s\) URL such as http:\/\/127.0.0.1:12111/);
      expect(problemsOf({ EMBEDDED_STRIPE_PORT: '0' })).toMatch(/EMBEDDED_STRIPE_PORT/);
    });
  });
});
