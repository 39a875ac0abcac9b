/**
 * Why an uploaded file was refused before it could cost unbounded memory or time: a zip whose
 * entries would inflate past a limit, XML nested too deep or malformed, a PDF with too many
 * objects. Thrown by the bounded readers in this folder; each module turns it into its own code.
 */
export type UnsafeFileReason =
  | 'zip_corrupt'
  | 'zip_encrypted'
  | 'zip_too_many_entries'
  | 'zip_entry_too_large'
  | 'zip_too_large'
  | 'zip_ratio'
  | 'xml_malformed'
  | 'xml_doctype'
  | 'xml_too_deep'
  | 'xml_too_many_elements'
  | 'image_malformed'
  | 'pdf_too_many_objects'
  | 'pdf_stream_too_large'
  | 'pdf_unsupported_filter';

export class UnsafeFileError extends Error {
  constructor(
    readonly reason: UnsafeFileReason,
    /** The limit that was hit (bytes, count, depth or ratio), for the message. */
    readonly limit?: number,
  ) {
    super(`unsafe file: ${reason}${limit === undefined ? '' : ` (limit ${limit})`}`);
    this.name = 'UnsafeFileError';
  }
}
