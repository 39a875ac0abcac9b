import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { type AuditAction, AuditActions } from '@hoi-thi/contracts';

/** `GET /api/audit?limit=&offset=&action=&actorId=`: at most 100 entries a page. */
export class ListAuditQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;

  @IsOptional()
  @IsIn(AuditActions)
  action?: AuditAction;

  @IsOptional()
  @IsUUID()
  actorId?: string;
}
