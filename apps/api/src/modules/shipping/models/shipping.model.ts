import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import type { ShippingRateEntity } from '../entities/shipping-rate.entity.js';
import { ShippingKind, ShippingZone } from './shipping.enums.js';

@ObjectType('ShippingOption', { description: 'A way to send one seller\'s parcel, with its price for this weight and destination' })
export class ShippingOption {
  @Field({ description: 'What checkout sends back to choose it, e.g. JNE:REG' })
  code: string;

  @Field(() => ShippingKind)
  kind: ShippingKind;

  @Field()
  courier: string;

  @Field()
  service: string;

  @Field({ description: 'e.g. JNE REG, Ambil di kampung, Antar oleh pendamping' })
  label: string;

  @Field(() => RupiahScalar)
  priceIdr: bigint;

  @Field(() => Int)
  etaMinDays: number;

  @Field(() => Int)
  etaMaxDays: number;
}

@ObjectType('ShippingRate', { description: 'A row of the built-in rate table (from Balikpapan)' })
export class ShippingRate {
  @Field(() => ID)
  id: string;

  @Field()
  courier: string;

  @Field()
  service: string;

  @Field(() => ShippingZone)
  zone: ShippingZone;

  @Field(() => ShippingKind)
  kind: ShippingKind;

  @Field()
  label: string;

  @Field(() => RupiahScalar)
  baseIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Per started kilogram of chargeable weight' })
  perKgIdr: bigint;

  @Field(() => Int)
  minDays: number;

  @Field(() => Int)
  maxDays: number;

  @Field()
  active: boolean;
}

export const toShippingRateModel = (entity: ShippingRateEntity): ShippingRate => ({
  id: entity.id,
  courier: entity.courier,
  service: entity.service,
  zone: entity.zone,
  kind: entity.kind,
  label: entity.label,
  baseIdr: entity.baseIdr,
  perKgIdr: entity.perKgIdr,
  minDays: entity.minDays,
  maxDays: entity.maxDays,
  active: entity.active,
});

@InputType()
export class UpdateShippingRateInput {
  @Field(() => RupiahScalar, { nullable: true })
  baseIdr?: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  perKgIdr?: bigint | null;

  @Field(() => Int, { nullable: true })
  minDays?: number | null;

  @Field(() => Int, { nullable: true })
  maxDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
