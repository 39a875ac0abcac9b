import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { type DuplicateReason, DuplicateReasons, type Role, Roles } from '@hoi-thi/contracts';
import { PaginationQuery } from '../../../common/pagination.js';
import { Trim } from '../../../common/transforms.js';

export class ListUsersQuery extends PaginationQuery {
  /** Part of the name or email, case-insensitive. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string;

  @IsOptional()
  @IsUUID()
  unitId?: string;

  /** Only accounts holding this role. */
  @IsOptional()
  @IsIn(Roles)
  role?: Role;
}

/** The judge pool an organizer picks from (essay rounds): name or email search, paginated. */
export class ListJudgesQuery extends PaginationQuery {
  /** Part of the name or email, case-insensitive. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class UpdateRolesDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(Roles.length)
  @IsIn(Roles, { each: true })
  roles!: Role[];
}

/** `GET /api/users/duplicates`: one reason, one unit, or everything; paginated by group. */
export class ListDuplicatesQuery extends PaginationQuery {
  @IsOptional()
  @IsIn(DuplicateReasons)
  reason?: DuplicateReason;

  @IsOptional()
  @IsUUID()
  unitId?: string;
}
