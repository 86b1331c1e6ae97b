import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A random salt per day for hashing visitors and addresses, shared by every API process. Deleted
 * with that day's visitors: afterwards nothing stored links a visitor or an address to a view.
 */
@Entity('product_view_salts')
export class ProductViewSaltEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column('bytea')
  salt: Buffer;
}
