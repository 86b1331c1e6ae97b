import { CreatePhotoUploadDocument } from './generated/graphql.js';
import type { TestApp } from './harness/test-app.js';

/** The browser's part of an upload: asks for a URL, PUTs the bytes straight to storage; returns the key to attach. */
export async function putPhoto(t: TestApp, productId: string, bytes: Buffer, token: string, contentType = 'image/jpeg'): Promise<string> {
  const created = await t.gql(CreatePhotoUploadDocument, { productId, contentType, byteSize: Math.max(bytes.length, 1) }, { token });
  const upload = created.data?.createPhotoUpload;
  if (upload?.__typename !== 'PhotoUpload') throw new Error(`createPhotoUpload: ${JSON.stringify(created.errors ?? upload)}`);
  const { uploadUrl, key } = upload;
  const put = await fetch(uploadUrl, { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
  if (put.status !== 200) throw new Error(`PUT to storage answered ${put.status}`);
  return key;
}

/** pg-boss's state of the photo's job ('created', 'active', 'retry', 'completed', 'failed'), null without one. */
export async function photoJobState(t: TestApp, photoId: string): Promise<string | null> {
  const rows: { state: string }[] = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = 'photo.process' AND data->>'photoId' = $1`, [photoId]);
  return rows[0]?.state ?? null;
}

/** Waits until a worker has taken the photo's job: it is then in the middle of making the variants. */
export async function waitForActiveJob(t: TestApp, photoId: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if ((await photoJobState(t, photoId)) === 'active') return;
  }
  throw new Error(`the job of photo ${photoId} did not start within 10 s`);
}
