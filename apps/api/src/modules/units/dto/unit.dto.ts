import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Omittable, Trim } from '../../../common/transforms.js';

export class CreateUnitDto {
  /** Unit name, e.g. "CĐCS Báo Thanh Niên". */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  /** The parent unit; omit for a top-level unit. */
  @IsOptional()
  @IsUUID()
  parentId?: string;

  /** Official number of members (for participation rates). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  memberCount?: number;
}

export class UpdateUnitDto {
  @Omittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  /** The new parent; `null` makes it a top-level unit. */
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  memberCount?: number;
}
