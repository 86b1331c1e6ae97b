import { Field, InputType } from '@nestjs/graphql';
import { KampungStatus } from '../models/kampung-status.enum.js';

@InputType()
export class KampungInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  kelurahan?: string | null;

  @Field(() => String, { nullable: true })
  kecamatan?: string | null;

  @Field(() => String, { nullable: true, description: 'Kemendagri area code, e.g. 64.71.04.1004' })
  kemendagriCode?: string | null;

  @Field(() => KampungStatus, { nullable: true })
  status?: KampungStatus | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
