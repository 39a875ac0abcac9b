import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '@hoi-thi/contracts';
import { DomainError, type ValidationDetail } from '../../../common/errors/domain-error.js';
import { EssayErrors } from '../essays.errors.js';

export interface UploadedFile {
  file: Buffer;
  fileName: string;
}

/** Reads the multipart attachment form: exactly one part, `file`, of at most 10 MB. */
export async function readAttachmentForm(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw EssayErrors.error('ATTACHMENT.NOT_MULTIPART');
  let upload: UploadedFile | null = null;
  const details: ValidationDetail[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 } })) {
      if (part.type === 'file' && part.fieldname === 'file') {
        // Control characters (a NUL in a crafted name) have no place in a name shown to organizers, and PostgreSQL refuses NUL.
        upload = { file: await part.toBuffer(), fileName: ((part.filename ?? '').replace(/\p{Cc}/gu, '').trim() || 'attachment').slice(0, 255) };
      } else {
        if (part.type === 'file') await part.toBuffer();
        details.push({ field: part.fieldname, constraint: 'whitelistValidation' });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw EssayErrors.error('ATTACHMENT.TOO_LARGE', { megabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
    if (code?.startsWith('FST_')) throw EssayErrors.error('ATTACHMENT.BAD_FORM');
    throw error;
  }
  if (!upload) details.push({ field: 'file', constraint: 'isDefined' });
  if (details.length) throw DomainError.validation(details);
  if (upload!.file.length === 0) throw EssayErrors.error('ATTACHMENT.UNSUPPORTED_TYPE');
  return upload!;
}
