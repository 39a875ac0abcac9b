import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Omittable } from '../../../common/transforms.js';

/** `PATCH /api/topics/:id`. */
export class UpdateTopicDto {
  @Omittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** The new parent; `null` makes it a top-level topic. */
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class CreateTopicDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}
