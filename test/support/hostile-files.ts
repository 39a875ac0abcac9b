/**
 * Hostile files, made in memory by the tests (no big binaries in the repository): zip bombs that
 * are a few hundred kilobytes and inflate to gigabytes, XML nested 10^5 deep or with 10^5 unclosed
 * tags, PDFs with a million objects or an object stream that inflates to gigabytes, files lying
 * about their type, and DOCX/PDF/JPEG/PNG files full of their author's metadata.
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { aDocx, type AuthorData } from './essay-documents.js';

export const GIB = 1024 * 1024 * 1024;

/** One member of a hand-made zip: bytes stored with Deflate, sizes and CRC as the archive declares them. */
interface RawEntry {
  name: string;
  deflated: Buffer;
  /** The uncompressed size written in the headers (a lying bomb declares less than it inflates to). */
  declaredSize: number;
  crc: number;
}

/**
 * Raw Deflate data that inflates to `prefix` then `chunk` repeated up to `totalBytes`, built without
 * ever holding more than one chunk: the chunk is compressed once, ending on a full flush
 * (byte-aligned, no back-references into earlier data), and that block is repeated; an empty final
 * block ends it. A chunk of one repeated byte compresses about 1000 times (Deflate's best).
 */
export function repeatedDeflate(chunk: Buffer, totalBytes: number, prefix = Buffer.alloc(0)): { deflated: Buffer; size: number; crc: number } {
  const times = Math.floor((totalBytes - prefix.length) / chunk.length);
  const head = deflateRawSync(prefix, { finishFlush: constants.Z_FULL_FLUSH });
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  // A real CRC over gigabytes would take seconds; the readers refuse long before checking it.
  const crc = crc32(chunk, crc32(prefix));
  return { deflated: Buffer.concat([head, ...Array.from({ length: times }, () => block), Buffer.from([0x03, 0x00])]), size: prefix.length + times * chunk.length, crc };
}

/** A megabyte of spaces: valid between XML elements, and the best a bomb can compress. */
const SPACES = Buffer.alloc(1 << 20, 0x20);

const DOS_DATE = 0x5b61; // 2025-11-01
/** A zip written byte by byte (local headers, central directory, end record), so sizes can lie. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An ordinary member (real sizes and CRC). */
export function member(name: string, content: string | Buffer): RawEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, deflated: deflateRawSync(data), declaredSize: data.length, crc: crc32(data) };
}

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const XLSX_PARTS = [
  member('[Content_Types].xml', CONTENT_TYPES_XLSX),
  member('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
  member('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Câu hỏi" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  member('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
];
const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Câu hỏi</t></is></c></row>';

/** An xlsx whose sheet (a repeated row) inflates to `bytes`; `lying` declares 1 KB in the headers. */
export function xlsxBomb(bytes = 2 * GIB, lying = false): Buffer {
  const bomb = repeatedDeflate(SPACES, bytes, Buffer.from(`${SHEET_OPEN}${ROW}`));
  return rawZip([...XLSX_PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: bomb.deflated, declaredSize: lying ? 1024 : bomb.size, crc: bomb.crc }]);
}

/** A well-formed xlsx whose sheet is the given XML (nested or unclosed tags). */
export function xlsxWithSheet(sheetXml: string): Buffer {
  return rawZip([...XLSX_PARTS, member('xl/worksheets/sheet1.xml', sheetXml)]);
}

/** `<a><a>…</a></a>` `depth` deep (closed) or `depth` opening tags never closed. */
export const nestedXml = (element: string, depth: number, closed: boolean): string =>
  `<${element}>`.repeat(depth) + (closed ? `</${element}>`.repeat(depth) : '');

export const deepSheet = (depth = 100_000) => `${SHEET_OPEN}<row r="1"><c r="A1"><v>${nestedXml('x', depth, true)}</v></c></row></sheetData></worksheet>`;
export const unclosedSheet = (tags = 100_000) => `${SHEET_OPEN}${'<row>'.repeat(tags)}`;

/** A zip with `count` tiny files (a real docx has a few dozen). */
export function manyEntriesZip(count: number, withWord = true): Buffer {
  const base = withWord ? [member('[Content_Types].xml', '<Types/>'), member('word/document.xml', '<w:document xmlns:w="w"/>')] : [];
  const small = deflateRawSync(Buffer.from('x'));
  const crc = crc32(Buffer.from('x'));
  return rawZip([...base, ...Array.from({ length: count }, (_, i) => ({ name: `word/p${i}.txt`, deflated: small, declaredSize: 1, crc }))]);
}

const DOCX_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PARAGRAPH = '<w:p><w:r><w:t>Công đoàn cơ sở là nền tảng của tổ chức công đoàn.</w:t></w:r></w:p>';

/** A docx whose document.xml (paragraphs) inflates to `bytes`; `lying` declares 1 KB. */
export function docxBomb(bytes = 2 * GIB, lying = false): Buffer {
  const bomb = repeatedDeflate(SPACES, bytes, Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${PARAGRAPH}`));
  return rawZip([
    member('[Content_Types].xml', DOCX_CONTENT_TYPES),
    member('_rels/.rels', DOCX_RELS),
    { name: 'word/document.xml', deflated: bomb.deflated, declaredSize: lying ? 1024 : bomb.size, crc: bomb.crc },
  ]);
}

/** A docx whose body is the given XML inside `<w:body>`. */
export function docxWithBody(body: string): Buffer {
  return rawZip([
    member('[Content_Types].xml', DOCX_CONTENT_TYPES),
    member('_rels/.rels', DOCX_RELS),
    member('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}`),
  ]);
}
export const deepDocx = (depth = 100_000) => docxWithBody(`${nestedXml('a', depth, true)}</w:body></w:document>`);
export const unclosedDocx = (tags = 100_000) => docxWithBody('<w:p>'.repeat(tags));
/** Billion laughs: entities defined in a DOCTYPE, each ten of the one before. */
export const entityDocx = () =>
  rawZip([
    member('[Content_Types].xml', DOCX_CONTENT_TYPES),
    member(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><w:document ${W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ]);

/** A PDF of `count` tiny objects besides its catalog and page tree (~20 bytes each). */
export function manyObjectsPdf(count: number): Buffer {
  const parts = ['%PDF-1.7\n', '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n', '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n'];
  for (let i = 3; i < count + 3; i += 1) parts.push(`${i} 0 obj ${i} endobj\n`);
  parts.push(`trailer <</Size ${count + 3} /Root 1 0 R>>\nstartxref\n0\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

/** A PDF with an object stream whose Flate data inflates to `bytes` (pdf-lib inflates object streams in full while parsing). */
export function objectStreamBombPdf(bytes = 2 * GIB): Buffer {
  const raw = repeatedDeflate(SPACES, bytes).deflated;
  // A zlib wrapper around the raw Deflate data (header 78 DA; the checksum is never reached).
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), raw]);
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n', 'latin1'),
    Buffer.from(`3 0 obj <</Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length}>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\ntrailer <</Size 4 /Root 1 0 R>>\nstartxref\n0\n%%EOF\n', 'latin1'),
  ]);
}

/** The first bytes of a Windows program (MZ header, PE signature). */
export function windowsProgram(): Buffer {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return exe;
}

/** A zip that is not an Office package (photos and a text file), and an xlsx-shaped package. */
export async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('anh/1.txt', 'không phải tài liệu');
  zip.file('document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
export const smallXlsx = (): Buffer => rawZip([...XLSX_PARTS, member('xl/worksheets/sheet1.xml', `${SHEET_OPEN}${ROW}</sheetData></worksheet>`)]);

/** A JPEG with the author in Exif (Artist), XMP (dc:creator), IPTC and a comment; the scan data says PIXELS. */
export function jpegWithAuthor(author: string): Buffer {
  const segment = (marker: number, payload: Buffer) => {
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'), Buffer.from(`Artist\0${author}\0`, 'utf8')]);
  const xmp = Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${author}</dc:creator></x:xmpmeta>`, 'utf8');
  const iptc = Buffer.from(`Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x0c${author}`, 'utf8');
  const icc = Buffer.concat([Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), Buffer.alloc(16, 1)]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xe1, exif),
    segment(0xe1, xmp),
    segment(0xe2, icc),
    segment(0xed, iptc),
    segment(0xfe, Buffer.from(`Chụp bởi ${author}`, 'utf8')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from('PIXELS', 'latin1'),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A 1×1 PNG with the author in tEXt, iTXt (XMP), zTXt and eXIf chunks. */
export function pngWithAuthor(author: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Author\0${author}`, 'latin1')),
    chunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0<dc:creator>${author}</dc:creator>`, 'utf8')),
    chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from(author, 'utf8'))])),
    chunk('eXIf', Buffer.from(`MM\0*\0\0\0\x08Artist ${author}`, 'utf8')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A file: URL and a Windows path to the author's profile folder. */
export const userPath = (author: AuthorData) => `file:///C:/Users/${author.name.replace(/\s/g, '')}/Documents/Templates/Mau.dotm`;

/**
 * A DOCX carrying its author everywhere the sanitizer must look: core/app/custom properties,
 * customXml, a thumbnail with Exif, pictures with Exif/XMP/text chunks, comments and tracked
 * changes, people.xml with account ids, an attached template and a linked file on the author's
 * disk, a picture description holding a local path, and an embedded workbook with its own
 * creator and comment author.
 */
export async function docxFullOfAuthor(author: AuthorData, text = 'Bài dự thi về công đoàn cơ sở.'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await aDocx(author, text));
  const path = userPath(author);
  zip.file('customXml/item1.xml', `<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><Owner>${author.name}</Owner></p:properties>`);
  zip.file('customXml/itemProps1.xml', '<?xml version="1.0"?><ds:datastoreItem ds:itemID="{1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>');
  zip.file('customXml/_rels/item1.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>');
  zip.file('docProps/thumbnail.jpeg', jpegWithAuthor(author.name));
  zip.file('word/media/image1.jpeg', jpegWithAuthor(author.name));
  zip.file('word/media/image2.png', pngWithAuthor(author.name));
  zip.file(
    'word/people.xml',
    `<?xml version="1.0"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="${author.name}"><w15:presenceInfo w15:providerId="AD" w15:userId="S::${author.name}@congdoan.vn::1"/></w15:person></w15:people>`,
  );
  zip.file(
    'word/settings.xml',
    `<?xml version="1.0"?><w:settings ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rId1"/></w:settings>`,
  );
  zip.file(
    'word/_rels/settings.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="${path}" TargetMode="External"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.png"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="C:\\Users\\${author.name}\\Desktop\\so-lieu.xlsx" TargetMode="External"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Bang_tinh.xlsx"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
  );
  const document = await zip.file('word/document.xml')!.async('string');
  zip.file(
    'word/document.xml',
    document.replace(
      '</w:body>',
      `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Ảnh 1" descr="C:\\Users\\${author.name}\\Pictures\\anh.jpg"/></wp:inline></w:drawing></w:r></w:p><w:p><w:del w:id="2" w:author="${author.name}" w:date="2026-11-21T08:00:00Z"><w:r><w:delText>Câu đã xoá.</w:delText></w:r></w:del></w:p></w:body>`,
    ),
  );
  const workbook = new JSZip();
  workbook.file('[Content_Types].xml', CONTENT_TYPES_XLSX);
  workbook.file('docProps/core.xml', `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${author.name}</dc:creator></cp:coreProperties>`);
  workbook.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  workbook.file('xl/comments1.xml', `<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${author.manager}</author></authors></comments>`);
  zip.file('word/embeddings/Bang_tinh.xlsx', await workbook.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/><Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>',
    ),
  );
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file(
    '_rels/.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A PDF naming its author in the Info dictionary, XMP, a comment (Text annotation with /T and
 * /Contents, and its pop-up), a file attachment annotation and a document-level embedded file
 * (both files hold the name), a PieceInfo dictionary, and an Info dictionary of an earlier
 * revision left in the file.
 */
export async function pdfFullOfAuthor(author: AuthorData): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText('Bai du thi', { x: 20, y: 150, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  pdf.setAuthor(author.name);
  pdf.setCreator(`Word (${author.name})`);
  pdf.setProducer(`${author.company} PDF`);
  pdf.setTitle(`Bài của ${author.name}`);
  pdf.setSubject(author.manager);
  pdf.setKeywords([author.name, author.company]);
  const { context } = pdf;
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${author.name}</dc:creator></x:xmpmeta>`;
  pdf.catalog.set(PDFName.of('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  const attached = context.register(context.stream(`Ghi chép của ${author.name}`, { Type: 'EmbeddedFile' }));
  const spec = (name: string) => context.register(context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: attached } }));
  const popup = context.register(context.obj({ Type: 'Annot', Subtype: 'Popup', Rect: [0, 0, 10, 10] }));
  const comment = context.register(
    context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], T: PDFHexString.fromText(author.name), Contents: PDFHexString.fromText(`Nhận xét của ${author.manager}`), Popup: popup }),
  );
  const fileAnnotation = context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [40, 10, 60, 30], FS: spec(`${author.name}.txt`) }));
  page.node.set(PDFName.of('Annots'), context.obj([comment, popup, fileAnnotation]));
  pdf.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText('ghi-chu.txt'), spec(`ghi-chu-${author.name}.txt`)] } }));
  pdf.catalog.set(PDFName.of('PieceInfo'), context.obj({ Word: { Private: PDFHexString.fromText(author.company) } }));
  // An Info dictionary of an earlier revision: no longer the trailer's, still in the file.
  context.register(context.obj({ Author: PDFHexString.fromText(author.name), Producer: PDFString.of(author.company), CreationDate: PDFString.of('D:20261101') }));
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}
