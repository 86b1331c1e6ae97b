import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Every word of the catalogue's searchable text, added by the products' search trigger: what a misspelt search word is matched against. */
@Entity('search_lexicon')
export class SearchLexiconEntity {
  @Index('idx_search_lexicon_trgm', { synchronize: false })
  @PrimaryColumn({ type: 'varchar', primaryKeyConstraintName: 'pk_search_lexicon' })
  word: string;
}
