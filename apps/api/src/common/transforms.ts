import { Transform } from 'class-transformer';

/** Trims a string field before validation (other types pass through for the validator to refuse). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
