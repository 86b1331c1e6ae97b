import { registerEnumType } from '@nestjs/graphql';

export enum OutboxChannel {
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
  EMAIL = 'EMAIL',
}

registerEnumType(OutboxChannel, { name: 'OutboxChannel' });
