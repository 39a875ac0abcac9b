import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims a string field before validation (other types pass through for the validator to refuse). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * The field may be left out, but not sent as `null`: unlike `@IsOptional()`, which lets `null`
 * through unvalidated (to a NOT NULL column: a 500). For fields where `null` means nothing.
 */
export const Omittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
