import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/transforms.js';

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

  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'isPhone' })
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
