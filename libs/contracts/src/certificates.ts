/** A managers' bulk certificate job of a closed quiz round (`/api/rounds/:id/certificate-batches`). */
export interface CertificateBatchResponse {
  id: string;
  roundId: string;
  /** The first `winners` ranks get a winner's certificate; everyone else a participation certificate. */
  winners: number;
  status: 'running' | 'done' | 'failed';
  /** Certificates to write (the final board's size) and written so far. */
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface CertificateBatchListResponse {
  items: CertificateBatchResponse[];
}
