import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { S3Config } from '../../config/env.js';
import { MinioObjectStorage } from './minio-object-storage.js';
import { ObjectStorage } from './object-storage.js';

@Global()
@Module({})
export class StorageModule {
  static forRoot(config: S3Config): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: ObjectStorage, useFactory: async () => {
        const storage = new MinioObjectStorage(config);
        await storage.ensureBucket();
        return storage;
      } }],
      exports: [ObjectStorage],
    };
  }
}
