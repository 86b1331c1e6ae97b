import { Global, Module } from '@nestjs/common';
import { PrefetchRegistry } from '../dataloader/prefetch.js';
import { TransactionInterceptor } from './transaction.interceptor.js';
import { TransactionalConnection } from './transactional-connection.js';

@Global()
@Module({ providers: [TransactionalConnection, TransactionInterceptor, PrefetchRegistry], exports: [TransactionalConnection, TransactionInterceptor, PrefetchRegistry] })
export class ContextModule {}
