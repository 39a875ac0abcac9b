export interface UnitResponse {
  id: string;
  name: string;
  parentId: string | null;
  memberCount: number;
}

export interface CreateUnitRequest {
  name: string;
  parentId?: string;
  memberCount?: number;
}

/** `PATCH /api/units/:id`: `parentId: null` makes it a top-level unit; under its own descendant → 409 UNIT.CYCLE. */
export interface UpdateUnitRequest {
  name?: string;
  parentId?: string | null;
  memberCount?: number;
}

/**
 * `POST /api/units/import` (multipart `file`: xlsx or csv with the columns `Tên đơn vị`,
 * `Đơn vị cấp trên`, `Số đoàn viên`; `dryRun`): all or nothing. An existing unit (the same name
 * under a parent of the same name) gets its member count updated.
 */
export interface UnitImportResponse {
  dryRun: boolean;
  created: number;
  updated: number;
  /** `line` is the file's row (1 = the header); `column` the column letter (xlsx) or number (csv). */
  errors: { line: number; column?: string | number; message: string }[];
}
