import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string (it may exceed a double); hours and the like fit a number exactly. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
