import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { ProductCategory } from '../../catalog/models/catalog.enums.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { TrainingProgramEntity } from '../../training/entities/training-program.entity.js';
import { CommissionScope } from '../models/commission-scope.enum.js';

/** A commission rate (with an optional floor and cap per order line) for a seller, a cohort, a category or everyone. */
@Entity('commission_rules')
@Index('idx_commission_rules_scope', ['scope', 'active'])
@Check('chk_commission_rules_rate', '"rate_basis_points" BETWEEN 0 AND 10000')
@Check(
  'chk_commission_rules_target',
  `("scope" = 'SELLER') = ("seller_id" IS NOT NULL) AND ("scope" = 'TRAINING_PROGRAM') = ("training_program_id" IS NOT NULL) AND ("scope" = 'CATEGORY') = ("category" IS NOT NULL)`,
)
export class CommissionRuleEntity extends BaseEntity {
  @Column({ type: 'enum', enum: CommissionScope, enumName: 'commission_scope' })
  scope: CommissionScope;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  sellerId: string | null;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @Column({ type: 'enum', enum: ProductCategory, enumName: 'product_category', nullable: true })
  category: ProductCategory | null;

  @Column({ type: 'uuid', nullable: true })
  trainingProgramId: string | null;

  @ManyToOne(() => TrainingProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_program_id' })
  private readonly trainingProgram?: never;

  /** 1000 is 10 %. */
  @Column({ type: 'int' })
  rateBasisPoints: number;

  /** Least commission of one order line (never more than its price). */
  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  floorIdr: bigint | null;

  /** Most commission of one order line. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  capIdr: bigint | null;

  @Column({ type: 'timestamptz', nullable: true })
  validFrom: Date | null;

  /** Exclusive. For a cohort rule set "for N months after the training", its end date + N months. */
  @Column({ type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  /** The N of "for N months after the training", as the admin gave it. */
  @Column({ type: 'int', nullable: true })
  monthsAfterTraining: number | null;

  @Column({ default: true })
  active: boolean;

  /** Why this rule exists, e.g. "Subsidi DP3AKB 6 bulan setelah pelatihan". */
  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;
}
