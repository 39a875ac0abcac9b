import { defineErrors } from '../../common/errors/error-registry.js';

/** The certificates module's error codes. */
export const CertificateErrors = defineErrors({
  'CERTIFICATE.ROUND_NOT_CLOSED': {
    status: 409,
    vi: 'Vòng thi chưa được tổng kết (đóng lúc {closesAt}); giấy chứng nhận chỉ có sau khi tổng kết.',
    en: 'The round has not been closed yet (it closes {closesAt}); certificates exist only after close.',
  },
  'CERTIFICATE.NOT_PARTICIPANT': {
    status: 404,
    vi: 'Bạn không có kết quả trong vòng thi này nên không có giấy chứng nhận.',
    en: 'You have no result in this round, so there is no certificate for you.',
  },
  'CERTIFICATE.BATCH_NOT_FOUND': {
    status: 404,
    vi: 'Không tìm thấy đợt in giấy chứng nhận này.',
    en: 'This certificate batch was not found.',
  },
  'CERTIFICATE.BATCH_NOT_READY': {
    status: 409,
    vi: 'Đợt in giấy chứng nhận chưa xong (trạng thái: {status}).',
    en: 'The certificate batch is not finished (status: {status}).',
  },
});

export type CertificateErrorCode = keyof typeof CertificateErrors.specs;
