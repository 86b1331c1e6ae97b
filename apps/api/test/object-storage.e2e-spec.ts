import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config/env.js';
import { MinioObjectStorage } from '../src/infra/storage/minio-object-storage.js';

describe('object storage against the S3-compatible server', () => {
  it('API replicas starting at once all find their bucket, though only one of them creates it', async () => {
    const bucket = `replicas-${randomBytes(4).toString('hex')}`;
    const { s3 } = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      S3_ENDPOINT: process.env.TEST_S3_ENDPOINT,
      S3_ACCESS_KEY: process.env.TEST_S3_ACCESS_KEY,
      S3_SECRET_KEY: process.env.TEST_S3_SECRET_KEY,
      S3_BUCKET: bucket,
    });
    const replicas = Array.from({ length: 4 }, () => new MinioObjectStorage(s3!));

    const outcomes = await Promise.allSettled(replicas.map((storage) => storage.ensureBucket()));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    await replicas[0].put('hello.txt', Buffer.from('halo'), 'text/plain');
    expect((await replicas[3].get('hello.txt')).toString()).toBe('halo');
  });
});
