import { defineErrors } from './error-registry.js';

/**
 * The file-upload form of every importer (questions, units): the same refusals, so one catalog in
 * common rather than a copy per module.
 */
export const UploadErrors = defineErrors({
  'IMPORT.FILE_TOO_LARGE': { status: 400, vi: 'Tệp vượt quá {megabytes} MB.', en: 'The file is larger than {megabytes} MB.' },
  'IMPORT.NOT_MULTIPART': {
    status: 415,
    vi: 'Hãy gửi tệp dưới dạng multipart/form-data với trường "file".',
    en: 'Send the file as multipart/form-data with a "file" field.',
  },
  'IMPORT.BAD_FORM': { status: 400, vi: 'Biểu mẫu tải tệp không hợp lệ.', en: 'The upload form is invalid.' },
});
