import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { SavedAddressEntity } from '../entities/saved-address.entity.js';

@ObjectType('SavedAddress', { description: 'An address in the signed-in buyer\'s address book' })
export class SavedAddress {
  @Field(() => ID)
  id: string;

  @Field()
  label: string;

  @Field()
  recipientName: string;

  @Field()
  phone: string;

  @Field({ description: 'The kelurahan/desa (see `village` for it and the areas above it)' })
  villageCode: string;

  @Field()
  postalCode: string;

  @Field()
  street: string;

  @Field()
  isDefault: boolean;
}

export const toSavedAddressModel = (entity: SavedAddressEntity): SavedAddress => ({
  id: entity.id,
  label: entity.label,
  recipientName: entity.recipientName,
  phone: entity.phone,
  villageCode: entity.villageCode,
  postalCode: entity.postalCode,
  street: entity.street,
  isDefault: entity.isDefault,
});
