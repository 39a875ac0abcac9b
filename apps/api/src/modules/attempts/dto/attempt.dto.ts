import { PREDICTION_MAX } from '@hoi-thi/contest-engine';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';


export class SaveAnswerDto {
  /** The chosen options; an empty list clears the answer. */
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  optionIds!: string[];
}

export class SavePredictionDto {
  @IsInt()
  @Min(0)
  @Max(PREDICTION_MAX)
  prediction!: number;
}

export class SubmitAttemptDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PREDICTION_MAX)
  prediction?: number;
}

export class RegradeDto {
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  /** Only these questions; absent = every question of the round whose key has a newer version. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  questionIds?: string[];
}
