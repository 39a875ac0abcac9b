import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  /** Unit name, e.g. "CĐCS Báo Thanh Niên". */
  @Transform(trim)
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
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  memberCount?: number;
}
