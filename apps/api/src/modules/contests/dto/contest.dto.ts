import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
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
  ValidateNested,
} from 'class-validator';
import {
  type ContestKind,
  ContestKinds,
  type Difficulty,
  Difficulties,
  type GradingMode,
  GradingModes,
  type PredictionActualKind,
  PredictionActualKinds,
  type ReviewAfter,
  ReviewAfterOptions,
  ROUND_PROMPT_MAX_LENGTH,
} from '@hoi-thi/contracts';
import { FREEZE_MINUTES_MAX, PREDICTION_MAX } from '@hoi-thi/contest-engine';
import { Trim } from '../../../common/transforms.js';

export class CreateContestDto {
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ enum: ContestKinds })
  @IsIn(ContestKinds)
  kind!: ContestKind;

  /** Units whose members (sub-units included) may take part; empty or absent = everyone. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  eligibleUnitIds?: string[];
}

export class UpdateContestDto extends PartialType(CreateContestDto) {}

/** `PUT /api/contests/:id/managers`: the whole list (at least one; admins manage every contest anyway). */
export class SetManagersDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class BlueprintLineBody {
  @IsUUID()
  topicId!: string;

  @IsInt()
  @Min(1)
  @Max(500)
  count!: number;

  @IsOptional()
  @IsIn(Difficulties)
  difficulty?: Difficulty;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  points?: number;
}

export class RubricCriterionBody {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(1000)
  maxPoints!: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(100)
  weight?: number;
}

/**
 * One body for both kinds of round (API.md): the contest's kind decides which fields are required
 * and which are refused; the service checks that, this class only the shapes.
 */
export class CreateRoundDto {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @IsDateString({ strict: true })
  opensAt!: string;

  @IsDateString({ strict: true })
  closesAt!: string;

  // quiz
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(86_400)
  timeLimitSeconds?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BlueprintLineBody)
  blueprint?: BlueprintLineBody[];

  @IsOptional()
  @IsBoolean()
  shuffleQuestions?: boolean;

  @IsOptional()
  @IsBoolean()
  shuffleOptions?: boolean;

  @IsOptional()
  @IsIn(GradingModes)
  gradingMode?: GradingMode;

  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  predictionQuestion?: string;

  @IsOptional()
  @IsIn(PredictionActualKinds)
  predictionActual?: PredictionActualKind;

  @IsOptional()
  @IsIn(ReviewAfterOptions)
  reviewAfter?: ReviewAfter;

  /** Minutes before close in which public boards stop changing (default 30; 0 = no freeze). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FREEZE_MINUTES_MAX)
  freezeMinutes?: number;

  // essay
  /** The prompt (đề bài) members write to; like everything members were told, fixed once the round opens. */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(ROUND_PROMPT_MAX_LENGTH)
  prompt?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionBody)
  rubric?: RubricCriterionBody[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  judgesPerEntry?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  minWords?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  maxWords?: number;
}

/** `PATCH /api/rounds/:id`: any field of creation before the round opens; once open, `title` and a later `closesAt`. */
// skipNullProperties: a required field of creation (`title`) may be left out, not sent as null.
export class UpdateRoundDto extends PartialType(CreateRoundDto, { skipNullProperties: false }) {}

/** `POST /api/rounds/:id/close`. */
export class CloseRoundDto {
  /** Required when the round's prediction actual value is `manual`; refused otherwise. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PREDICTION_MAX)
  actualValue?: number;
}
