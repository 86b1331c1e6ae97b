import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedS3 } from '../src/infra/embedded/embedded-s3.js';
import { startFakeStripe } from '../src/infra/embedded/fake-stripe/fake-stripe-server.js';

/**
 * The embedded stores check no credentials that matter (s3rver checks no signatures at all; anyone
 * reaching the Stripe test server can "pay"), so they are for one machine: nothing but the machine
 * itself may reach them.
 */
describe('embedded PostgreSQL, S3 and Stripe listen on loopback only', () => {
  it('PostgreSQL listens on 127.0.0.1', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await client.connect();
    const [{ listen_addresses }] = (await client.query('SHOW listen_addresses')).rows;
    await client.end();
    expect(listen_addresses).toBe('127.0.0.1');
  });

  it('s3rver listens on 127.0.0.1', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'karya-s3-'));
    const s3 = await startEmbeddedS3({ directory, port: 0 });
    try {
      const port = Number(new URL(s3.endpoint).port);
      expect(await listeningAddresses(port)).toEqual(['127.0.0.1']);
    } finally {
      await s3.stop();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('the Stripe test server listens on 127.0.0.1', async () => {
    const stripe = await startFakeStripe({ port: 0, webhookUrl: null });
    try {
      expect(await listeningAddresses(stripe.port)).toEqual(['127.0.0.1']);
    } finally {
      await stripe.stop();
    }
  });
});

/** The local addresses of the sockets listening on this TCP port, read from the kernel's tables. */
async function listeningAddresses(port: number): Promise<string[]> {
  const LISTEN = '0A';
  const addresses: string[] = [];
  for (const [file, ipv6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]] as const) {
    const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [hexAddress, hexPort] = local.split(':');
      if (parseInt(hexPort, 16) !== port) continue;
      addresses.push(ipv6 ? `ipv6:${hexAddress}` : hexAddress.match(/../g)!.reverse().map((byte) => parseInt(byte, 16)).join('.'));
    }
  }
  return addresses;
}
