import type { CreateUnitRequest, UpdateUnitRequest } from '@hoi-thi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unitsQueryKey } from '../../auth';
import { unitsAdminApi } from '../api/units-admin-api';

/** Every change to the tree: the list (registration, pickers, this page) is stale. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: unitsQueryKey });
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (body: CreateUnitRequest) => unitsAdminApi.create(body), onSuccess: invalidate });
}

export function useUpdateUnit(id: string) {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (body: UpdateUnitRequest) => unitsAdminApi.update(id, body), onSuccess: invalidate });
}

export function useDeleteUnit(id: string) {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: () => unitsAdminApi.remove(id), onSuccess: invalidate });
}

export function useImportUnits() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (request: { file: File; dryRun: boolean }) => unitsAdminApi.import(request),
    onSuccess: (report) => {
      if (!report.dryRun) void invalidate();
    },
  });
}
