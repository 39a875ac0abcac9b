import { describe, expect, it } from '@jest/globals';
import { nestedXml } from '../../../../../test/support/hostile-files.js';
import { rewriteXml, scanXml } from './bounded-xml.js';
import { UnsafeFileError } from './unsafe-file.js';

const reason = (xml: string | Buffer, maxElements?: number) => {
  try {
    scanXml(typeof xml === 'string' ? Buffer.from(xml) : xml, { maxDepth: 64, maxElements });
    return 'ok';
  } catch (error) {
    return error instanceof UnsafeFileError ? error.reason : `other: ${(error as Error).message}`;
  }
};

describe('XML read with a streaming parser and limits', () => {
  it('refuses nesting past the depth limit, closed or not', () => {
    expect(reason(nestedXml('a', 64, true))).toBe('ok');
    expect(reason(nestedXml('a', 100_000, true))).toBe('xml_too_deep');
    expect(reason(`<r>${'<p>'.repeat(100_000)}`)).toBe('xml_too_deep');
  });

  it('refuses malformed XML, a DOCTYPE (entity expansion) and too many elements', () => {
    expect(reason('<a><b></a>')).toBe('xml_malformed');
    expect(reason('<a>&unknown;</a>')).toBe('xml_malformed');
    expect(reason('<a>')).toBe('xml_malformed');
    expect(reason('<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>')).toBe('xml_doctype');
    expect(reason(`<a>${'<b/>'.repeat(11)}</a>`, 10)).toBe('xml_too_many_elements');
    expect(reason(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toBe('xml_malformed');
  });

  it('writes a part again with elements emptied or dropped and attributes changed, escaping afresh', () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<p:r xmlns:p="u" a="1 &amp; 2&#10;"><p:creator k="v">An &lt;An&gt;</p:creator><b/><!-- c --><d>t<e>x<f/></e>u</d><![CDATA[x<y]]><?pi body?></p:r>',
    );
    const out = rewriteXml(xml, { maxDepth: 8 }, {
      element: (name) => (name === 'p:creator' ? 'empty' : name === 'e' ? 'drop' : 'keep'),
      attribute: (_element, name, value) => (name === 'k' ? null : value),
    });
    expect(out.toString('utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:r xmlns:p="u" a="1 &amp; 2&#10;"><p:creator></p:creator><b/><!-- c --><d>tu</d><![CDATA[x<y]]><?pi body?></p:r>',
    );
  });

  it('reads UTF-16 parts and writes them as UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a>Đoàn</a>', 'utf16le')]);
    expect(rewriteXml(utf16, { maxDepth: 4 }, {}).toString('utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?><a>Đoàn</a>');
  });
});
