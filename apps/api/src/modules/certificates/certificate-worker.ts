/** A worker thread that renders certificates, so a bulk job never stalls the API's event loop. */
import { parentPort } from 'node:worker_threads';
import { renderCertificate, type CertificateContent } from './certificate-pdf.js';

parentPort!.on('message', (message: { id: number; content: CertificateContent }) => {
  renderCertificate({ ...message.content, closedAt: new Date(message.content.closedAt) }).then(
    (bytes) => parentPort!.postMessage({ id: message.id, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: Error) => parentPort!.postMessage({ id: message.id, error: error.message }),
  );
});
