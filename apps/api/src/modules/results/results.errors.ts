import { defineErrors } from '../../common/errors/error-registry.js';

/** The results module's error codes. */
export const ResultsErrors = defineErrors({
  'RESULTS.ROUND_NOT_CLOSED': {
    status: 409,
    vi: 'Vòng thi chưa được tổng kết (đóng lúc {closesAt}); bộ kết quả kiểm chứng chỉ có sau khi đóng vòng.',
    en: 'The round has not been closed yet (it closes {closesAt}); its results bundle exists only after close.',
  },
});

export type ResultsErrorCode = keyof typeof ResultsErrors.specs;
