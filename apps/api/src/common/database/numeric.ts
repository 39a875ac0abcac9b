import type { ValueTransformer } from 'typeorm';

/** pg returns numeric as a string (it may not fit a double); our scores do, to two decimals. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
