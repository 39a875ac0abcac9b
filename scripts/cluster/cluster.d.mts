// Types of cluster.mjs for the TypeScript tests (see the interface comment at the top of cluster.mjs).

export const ROOT: string;
export const NGINX_SHARED_DIR: string;

export class ClusterError extends Error {
  constructor(message: string, exitCode?: number);
  readonly exitCode: number;
}

export interface ClusterOptions {
  apiProcesses?: number;
  port?: number;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  logDir?: string;
  accessLog?: boolean;
  restartDelayMs?: number;
  build?: boolean;
  signal?: AbortSignal;
  onFatal?: (reason: string) => void;
}

export interface Cluster {
  url: string;
  port: number;
  apiPorts: number[];
  tempDir: string;
  readonly pids: { nginx: number; api: number[] };
  kill(index: number, signal?: NodeJS.Signals): number;
  waitReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startCluster(options?: ClusterOptions): Promise<Cluster>;
export function freePort(): Promise<number>;
export function findNginx(env?: Record<string, string | undefined>): string;
export function renderNginxConfig(options: { port: number; apiPorts: number[]; tempDir: string; accessLog: string | null; sharedDir?: string }): string;
