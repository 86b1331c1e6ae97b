import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObjectStorage } from '../infra/storage/object-storage.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
  ) {}

  /** Ready when PostgreSQL and the object store both answer (Kubernetes readiness probe). */
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'up'; storage: 'up' }> {
    const checks = await Promise.allSettled([this.dataSource.query('SELECT 1'), this.storage.ping()]);
    const [database, storage] = checks.map((check) => (check.status === 'fulfilled' ? 'up' : 'down'));
    if (database !== 'up' || storage !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', database, storage });
    return { status: 'ok', database: 'up', storage: 'up' };
  }
}
