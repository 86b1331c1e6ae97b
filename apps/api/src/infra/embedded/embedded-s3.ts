import { promises as fs } from 'node:fs';
import S3rver from 's3rver';

/** s3rver: a small S3-compatible server on disk, for the one-command start and the tests. */
export interface RunningS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

// s3rver accepts exactly these credentials.
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

// Browsers PUT photos straight to presigned URLs from the storefront's origin.
const BROWSER_UPLOAD_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export async function startEmbeddedS3(options: { directory: string; port: number; buckets?: string[]; silent?: boolean }): Promise<RunningS3> {
  await fs.mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: options.silent ?? true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [BROWSER_UPLOAD_CORS] })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    stop: () => server.close(),
  };
}
