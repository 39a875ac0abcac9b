import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { renderCertificate, type CertificateContent } from './certificate-pdf.js';

/**
 * Renders certificates off the event loop: a PDF with embedded font subsets takes tens of milliseconds
 * of CPU, and a bulk job renders thousands while members are saving answers on the same process.
 * The built app runs them in one worker thread; from TypeScript sources (the Jest suites) the worker
 * file cannot load, so they render in the calling thread.
 */
@Injectable()
export class CertificateRenderer implements OnModuleDestroy {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

  render(content: CertificateContent): Promise<Uint8Array> {
    if (import.meta.url.endsWith('.ts')) return renderCertificate(content);
    const worker = this.ensureWorker();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, content });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./certificate-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (message: { id: number; bytes?: Uint8Array; error?: string }) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.bytes) waiting?.resolve(message.bytes);
      else waiting?.reject(new Error(message.error ?? 'certificate rendering failed'));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('the certificate worker stopped')));
    this.worker = worker;
    return worker;
  }

  /** A dead worker fails what it held; the next render starts a new one. */
  private fail(error: Error): void {
    this.worker = null;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
