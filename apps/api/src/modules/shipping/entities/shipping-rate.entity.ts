import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { ShippingKind, ShippingZone } from '../models/shipping.enums.js';

/**
 * The built-in rate table, from Balikpapan to each zone: a courier's service (priced per kilogram),
 * pickup at the kampung, or the pendamping's local delivery. Data an admin edits, not code.
 */
@Entity('shipping_rates')
@Index('uq_shipping_rates_service_zone', ['courier', 'service', 'zone'], { unique: true })
export class ShippingRateEntity extends BaseEntity {
  /** e.g. JNE, JNT, SICEPAT, POS; KAMPUNG and PENDAMPING for the local options. */
  @Column()
  courier: string;

  /** e.g. REG, YES, EZ, KILAT. */
  @Column()
  service: string;

  @Column({ type: 'enum', enum: ShippingZone, enumName: 'shipping_zone' })
  zone: ShippingZone;

  @Column({ type: 'enum', enum: ShippingKind, enumName: 'shipping_kind' })
  kind: ShippingKind;

  /** What the buyer reads, e.g. "JNE REG". */
  @Column()
  label: string;

  /** A flat part of the price (the local delivery's fee). */
  @Column({ type: 'bigint', transformer: rupiahTransformer })
  baseIdr: bigint;

  /** Per started kilogram of chargeable weight. */
  @Column({ type: 'bigint', transformer: rupiahTransformer })
  perKgIdr: bigint;

  @Column({ type: 'int' })
  minDays: number;

  @Column({ type: 'int' })
  maxDays: number;

  @Column({ default: true })
  active: boolean;
}
