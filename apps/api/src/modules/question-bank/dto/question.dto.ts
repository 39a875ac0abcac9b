import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { type Difficulty, Difficulties, type QuestionType, QuestionTypes } from '@hoi-thi/contracts';
import { QuestionLimits } from '@hoi-thi/contest-engine';
import { PaginationQuery } from '../../../common/pagination.js';
import { Trim } from '../../../common/transforms.js';

export class OptionDto {
  /** Keep an existing option's identity when editing (PATCH); omit for a new option. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @Trim()
  @IsString()
  @MaxLength(QuestionLimits.optionMaxLength)
  text!: string;

  @IsBoolean()
  correct!: boolean;
}

// Shape only: the rules (one correct for `single`, 2–8 options, …) live in the engine's validateQuestion.
export class CreateQuestionDto {
  @IsUUID()
  topicId!: string;

  @IsIn(QuestionTypes)
  type!: QuestionType;

  @Trim()
  @IsString()
  @MaxLength(QuestionLimits.textMaxLength)
  text!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  // An array item that is itself an array passes ValidateNested (it validates the inner items).
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options!: OptionDto[];

  @IsOptional()
  @IsIn(Difficulties)
  difficulty?: Difficulty;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  points?: number;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(QuestionLimits.explanationMaxLength)
  /** null or omitted: no explanation (IsOptional lets null through). */
  explanation?: string | null;
}

/** PATCH: any field of a new question; `explanation: null` clears it. */
export class UpdateQuestionDto extends PartialType(CreateQuestionDto) {}

export class ListQuestionsQuery extends PaginationQuery {
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @IsOptional()
  @IsIn(Difficulties)
  difficulty?: Difficulty;

  @IsOptional()
  @IsIn(QuestionTypes)
  type?: QuestionType;

  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';

  /** Words to find in the text or options; case and Vietnamese diacritics are ignored. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string;
}
