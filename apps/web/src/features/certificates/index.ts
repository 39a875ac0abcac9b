export { CertificateBatchesPanel } from './components/certificate-batches-panel';
export { MyCertificate } from './components/my-certificate';
