import type { FastifyRequest } from 'fastify';
import { type ImportFormat, ImportFormats } from '@hoi-thi/contracts';
import { DomainError, type ValidationDetail } from '../../common/errors/domain-error.js';
import { IMPORT_MAX_BYTES, type ImportRequest } from './question-import.service.js';
import { UploadErrors } from '../../common/errors/upload.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = new Set(['format', 'topicId', 'dryRun', 'allowDuplicates']);

function flag(value: string | undefined, field: string, details: ValidationDetail[]): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  details.push({ field, constraint: 'isBoolean' });
  return false;
}

/** Reads the multipart import form: one file (≤ 10 MB) and its fields, in any order. */
export async function readImportForm(request: FastifyRequest): Promise<ImportRequest> {
  if (!request.isMultipart()) throw UploadErrors.error('IMPORT.NOT_MULTIPART');
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  const details: ValidationDetail[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1000 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          details.push({ field: part.fieldname, constraint: 'whitelistValidation' });
          await part.toBuffer();
          continue;
        }
        file = await part.toBuffer();
      } else if (FIELDS.has(part.fieldname)) {
        fields[part.fieldname] = String(part.value ?? '').trim();
      } else {
        details.push({ field: part.fieldname, constraint: 'whitelistValidation' });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw UploadErrors.error('IMPORT.FILE_TOO_LARGE', { megabytes: IMPORT_MAX_BYTES / 1024 / 1024 });
    if (code?.startsWith('FST_')) throw UploadErrors.error('IMPORT.BAD_FORM');
    throw error;
  }
  if (!file) details.push({ field: 'file', constraint: 'isDefined' });
  if (!ImportFormats.includes(fields.format as ImportFormat)) details.push({ field: 'format', constraint: 'isIn' });
  if (!UUID.test(fields.topicId ?? '')) details.push({ field: 'topicId', constraint: 'isUUID' });
  const dryRun = flag(fields.dryRun, 'dryRun', details);
  const allowDuplicates = flag(fields.allowDuplicates, 'allowDuplicates', details);
  if (details.length) throw DomainError.validation(details);
  return { format: fields.format as ImportFormat, topicId: fields.topicId.toLowerCase(), dryRun, allowDuplicates, file: file! };
}
