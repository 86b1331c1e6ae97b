import { jest } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ObjectStorage } from '../infra/storage/object-storage.js';
import { HealthController, READY_CHECK_TIMEOUT_MS } from './health.controller.js';

const never = () => new Promise<never>(() => undefined);

function controller(database: () => Promise<unknown>, storage: () => Promise<void>) {
  const calls = { database: 0, storage: 0 };
  const dataSource = { query: () => (calls.database++, database()) } as unknown as DataSource;
  const objects = { ping: () => (calls.storage++, storage()) } as unknown as ObjectStorage;
  return { health: new HealthController(dataSource, objects), calls };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ServiceUnavailableException);
  return (error as ServiceUnavailableException).getResponse();
}

describe('HealthController', () => {
  it('is live without asking PostgreSQL or S3', () => {
    const { health, calls } = controller(() => Promise.reject(new Error('down')), () => Promise.reject(new Error('down')));
    expect(health.live()).toEqual({ status: 'ok' });
    expect(calls).toEqual({ database: 0, storage: 0 });
  });

  it('is ready when both answer', async () => {
    const { health, calls } = controller(() => Promise.resolve([{ '?column?': 1 }]), () => Promise.resolve());
    await expect(health.ready()).resolves.toEqual({ status: 'ok', database: 'up', storage: 'up' });
    expect(calls).toEqual({ database: 1, storage: 1 });
  });

  it('answers 503 naming what is down', async () => {
    expect(await refusal(controller(() => Promise.reject(new Error('ECONNREFUSED')), () => Promise.resolve()).health.ready())).toEqual({ status: 'unavailable', database: 'down', storage: 'up' });
    expect(await refusal(controller(() => Promise.resolve([]), () => Promise.reject(new Error('S3 down'))).health.ready())).toEqual({ status: 'unavailable', database: 'up', storage: 'down' });
  });

  it('counts a dependency that does not answer in time as down, instead of hanging the probe', async () => {
    jest.useFakeTimers();
    try {
      const answer = refusal(controller(never, () => Promise.resolve()).health.ready());
      await jest.advanceTimersByTimeAsync(READY_CHECK_TIMEOUT_MS);
      expect(await answer).toEqual({ status: 'unavailable', database: 'down', storage: 'up' });
    } finally {
      jest.useRealTimers();
    }
  });
});
