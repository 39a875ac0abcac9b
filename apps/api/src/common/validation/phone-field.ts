import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { normalizeVietnamesePhone } from '@hoi-thi/contest-engine';

/**
 * A phone number field: a Vietnamese mobile number in any usual format (the engine decides). The
 * constraint is named `isPhone`, so the error reads "Số điện thoại không hợp lệ." / "Not a valid phone
 * number." (`field.isPhone`) rather than the name of a pattern.
 */
export const IsVietnamesePhone = () =>
  ValidateBy({
    name: 'isPhone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && normalizeVietnamesePhone(value).ok,
      defaultMessage: () => 'isPhone',
    },
  });

/** A phone of only spaces is no phone: the field counts as absent (optional, or "required" when it must be there). */
export const BlankAsMissing = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value));

/** A phone of only spaces means "no number" where a number can be removed (`null`). */
export const BlankAsNull = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : value));
