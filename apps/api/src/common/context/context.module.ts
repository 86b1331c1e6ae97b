import { Global, Module } from '@nestjs/common';
import { TransactionInterceptor } from './transaction.interceptor.js';
import { TransactionalConnection } from './transactional-connection.js';

@Global()
@Module({ providers: [TransactionalConnection, TransactionInterceptor], exports: [TransactionalConnection, TransactionInterceptor] })
export class ContextModule {}
