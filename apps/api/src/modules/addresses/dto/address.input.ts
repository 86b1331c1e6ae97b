import { Field, ID, InputType } from '@nestjs/graphql';

/** An Indonesian address: the kelurahan/desa picked from the areas (no free-text city), postal code and street. */
@InputType()
export class AddressInput {
  @Field({ description: 'Who receives the parcel' })
  recipientName: string;

  @Field({ description: 'Her phone (WhatsApp), e.g. 0812 3456 7890' })
  phone: string;

  @Field({ description: 'Kemendagri code of the kelurahan/desa, e.g. 64.71.04.1004' })
  villageCode: string;

  @Field()
  postalCode: string;

  @Field({ description: 'Street, number, RT/RW, landmarks' })
  street: string;
}

@InputType()
export class SaveAddressInput extends AddressInput {
  @Field(() => ID, { nullable: true, description: 'An address of hers to change; left out, a new one' })
  id?: string | null;

  @Field({ description: 'e.g. Rumah, Kantor' })
  label: string;

  @Field(() => Boolean, { nullable: true, description: 'Make it the one checkout offers first' })
  isDefault?: boolean;
}
