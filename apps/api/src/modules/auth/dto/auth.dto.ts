import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Omittable, Trim } from '../../../common/transforms.js';
import { BlankAsMissing, BlankAsNull, IsVietnamesePhone } from '../../../common/validation/phone-field.js';

export class RegisterDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @Trim()
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  /** The member's unit (usually a CĐCS), from GET /api/units. */
  @IsUUID()
  unitId!: string;

  /**
   * A Vietnamese mobile number, written any usual way (0912 345 678, +84 912 345 678, …); stored as
   * 0xxxxxxxxx and unique. Required when REGISTER_REQUIRE_PHONE is on (checked by the service).
   */
  @BlankAsMissing()
  @IsOptional()
  @IsString()
  @IsVietnamesePhone()
  phone?: string;
}

export class LoginDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

/**
 * `POST /api/auth/refresh` and `POST /api/auth/logout`. The web client sends `{}` and the refresh
 * cookie instead (a JSON request: see RefreshCookie).
 */
export class RefreshDto {
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword!: string;
}

/** `PATCH /api/auth/me`: `phone: null` (or blank) removes the number. */
export class UpdateProfileDto {
  @Omittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @BlankAsNull()
  @IsOptional()
  @IsString()
  @IsVietnamesePhone()
  phone?: string | null;
}

/** `PATCH /api/users/:id` (admin). */
export class UpdateUserDto {
  @Omittable()
  @IsBoolean()
  active?: boolean;
}
