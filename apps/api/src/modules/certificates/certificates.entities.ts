import { CertificateBatchEntity } from './certificate-batch.entity.js';

/** The certificates module's tables: registered by CertificatesModule, listed whole for the migration tooling. */
export const CERTIFICATES_ENTITIES = [CertificateBatchEntity];
