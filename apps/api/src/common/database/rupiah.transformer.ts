import type { ValueTransformer } from 'typeorm';

/** bigint columns come back from `pg` as strings; rupiah stay exact as JS bigint. */
export const rupiahTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
