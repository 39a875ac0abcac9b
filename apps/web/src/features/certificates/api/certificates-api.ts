import type { CertificateBatchListResponse, CertificateBatchResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const certificatesApi = {
  /** The caller's own certificate of a closed quiz round (404 `CERTIFICATE.NOT_PARTICIPANT` without a result). */
  mine: (roundId: string) => api.download(`/rounds/${roundId}/certificate`, 'giay-chung-nhan.pdf'),
  batches: (roundId: string, signal?: AbortSignal) => api.get<CertificateBatchListResponse>(`/rounds/${roundId}/certificate-batches`, { signal }),
  start: (roundId: string, winners: number) => api.post<CertificateBatchResponse>(`/rounds/${roundId}/certificate-batches`, { winners }),
  file: (roundId: string, batchId: string) => api.download(`/rounds/${roundId}/certificate-batches/${batchId}/file`, 'giay-chung-nhan.zip'),
};
