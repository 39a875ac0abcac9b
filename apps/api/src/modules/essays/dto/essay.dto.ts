import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable, Trim } from '../../../common/transforms.js';

/** Word limits are the round's rule (checked by the service); this only bounds the size. */
export class SubmitEntryDto {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  body!: string;
}

/** PUT replaces title and body. */
export class UpdateEntryDto extends SubmitEntryDto {}

export class AssignJudgesDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds!: string[];

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  seed?: string;
}

/** Points are checked against the rubric by the engine (range, quarter steps), with one error code. */
export class CriterionScoreBody {
  @IsString()
  @MaxLength(300)
  criterion!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  points!: number;
}

export class ScoreAssignmentDto {
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreBody)
  scores!: CriterionScoreBody[];

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class EssaySettingsDto {
  @Omittable()
  @IsBoolean()
  normalize?: boolean;

  /** null restores the default (20% of the highest total). */
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1_000_000)
  discrepancyThreshold?: number | null;
}

export class PublishEssayResultsDto {
  @IsOptional()
  @IsBoolean()
  normalize?: boolean;
}

export class ShortlistDto {
  @IsUUID()
  finalRoundId!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  top?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1_000_000)
  cutoff?: number;

  @IsOptional()
  @IsBoolean()
  normalize?: boolean;
}

const BooleanQuery = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class EssayResultsQuery {
  /** Absent: the round's setting. */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  normalize?: boolean;
}

export class JudgeAssignmentsQuery {
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
