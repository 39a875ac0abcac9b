import type { UnitResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const unitsApi = {
  /** The whole organisation as a flat list; `parentId` links it into a tree. */
  list: (signal?: AbortSignal) => api.get<UnitResponse[]>('/units', { signal }),
};
