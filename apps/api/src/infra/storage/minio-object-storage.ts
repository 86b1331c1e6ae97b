import { Client } from 'minio';
import type { S3Config } from '../../config/env.js';
import { ObjectStorage, type StoredObjectInfo } from './object-storage.js';

export class MinioObjectStorage extends ObjectStorage {
  private readonly client: Client;
  /** Signs URLs for browsers with the host they reach (S3_PUBLIC_URL), which the signature covers. */
  private readonly publicClient: Client;

  constructor(private readonly config: S3Config) {
    super();
    const credentials = { accessKey: config.accessKey, secretKey: config.secretKey, region: config.region, pathStyle: true };
    this.client = new Client({ endPoint: config.endPoint, port: config.port, useSSL: config.useSSL, ...credentials });
    const publicUrl = new URL(config.publicUrl);
    const publicSSL = publicUrl.protocol === 'https:';
    this.publicClient = new Client({
      endPoint: publicUrl.hostname,
      port: publicUrl.port ? Number(publicUrl.port) : publicSSL ? 443 : 80,
      useSSL: publicSSL,
      ...credentials,
    });
  }

  async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.config.bucket)) return;
    try {
      await this.client.makeBucket(this.config.bucket, this.config.region);
    } catch (error) {
      // Two replicas starting at once both find no bucket, and one of them loses the race to create it.
      if (!(await this.client.bucketExists(this.config.bucket))) throw error;
    }
  }

  async put(key: string, body: Buffer, contentType: string, cacheControl = 'public, max-age=31536000, immutable'): Promise<void> {
    // Always pass the size: without it the client switches to multipart uploads, which s3rver lacks.
    await this.client.putObject(this.config.bucket, key, body, body.length, { 'Content-Type': contentType, 'Cache-Control': cacheControl });
  }

  async get(key: string): Promise<Buffer> {
    const stream = await this.client.getObject(this.config.bucket, key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async head(key: string, bytes: number): Promise<Buffer> {
    const stream = await this.client.getPartialObject(this.config.bucket, key, 0, bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).subarray(0, bytes);
  }

  presignedPutUrl(key: string, expirySeconds: number): Promise<string> {
    return this.publicClient.presignedPutObject(this.config.bucket, key, expirySeconds);
  }

  presignedGetUrl(key: string, expirySeconds: number, fileName?: string): Promise<string> {
    const disposition = fileName ? { 'response-content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"` } : undefined;
    return this.publicClient.presignedGetObject(this.config.bucket, key, expirySeconds, disposition);
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    try {
      const info = await this.client.statObject(this.config.bucket, key);
      return { size: info.size, contentType: String(info.metaData?.['content-type'] ?? 'application/octet-stream') };
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFound' || (error as { code?: string }).code === 'NoSuchKey') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.config.bucket, key);
  }

  publicUrl(key: string): string {
    return `${this.config.publicUrl}/${this.config.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async ping(): Promise<void> {
    await this.client.bucketExists(this.config.bucket);
  }
}
