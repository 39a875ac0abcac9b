/** A page of a list: `?limit=&offset=` → `{ items, total }`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; mode: 'embedded' | 'postgres' };
  redis?: { status: 'up' | 'down' };
  uptimeSeconds: number;
}
