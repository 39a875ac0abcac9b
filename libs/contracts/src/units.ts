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

export interface UpdateUnitRequest {
  name?: string;
  memberCount?: number;
}
