import type { CreateUnitRequest, UnitImportResponse, UnitResponse, UpdateUnitRequest } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** The unit tree, changed by organizers and admins (`/api/units`). The list itself is `useUnits` (public). */
export const unitsAdminApi = {
  create: (body: CreateUnitRequest) => api.post<UnitResponse>('/units', body),
  /** Rename, move (`parentId`, null = top level; under its own branch → 409 UNIT.CYCLE), member count. */
  update: (id: string, body: UpdateUnitRequest) => api.patch<UnitResponse>(`/units/${id}`, body),
  /** 204; 409 UNIT.IN_USE while it has sub-units or members, or a contest is open to it. */
  remove: (id: string) => api.delete<undefined>(`/units/${id}`),
  /** All or nothing. 400 `UNIT_IMPORT.INVALID` (not a dry run) carries the same report in its body. */
  import: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.set('dryRun', String(dryRun));
    form.set('file', file, file.name);
    return api.post<UnitImportResponse>('/units/import', form);
  },
};
