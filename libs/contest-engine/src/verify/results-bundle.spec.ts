import { describe, expect, it } from '@jest/globals';
import type { DrawCandidate } from '../draw/draw-paper.js';
import {
  canonicalPoolText,
  formatSha256Sums,
  parseResultsCsv,
  parseSha256Sums,
  resultsCsvHeader,
  resultsCsvLine,
  type ResultsRow,
} from './results-bundle.js';

const row = (overrides: Partial<ResultsRow> = {}): ResultsRow => ({
  rank: 1,
  attemptId: 'a1',
  userId: 'u1',
  fullName: 'Nguyễn Văn An',
  unitName: 'CĐCS Điện lực',
  score: 9.5,
  prediction: 120,
  predictionDiff: 3,
  durationMs: 61_000,
  submittedAt: '2026-11-26T08:01:01.000Z',
  ...overrides,
});

describe('results.csv', () => {
  it('starts with a byte order mark and the contract\'s columns', () => {
    expect(resultsCsvHeader()).toBe('\uFEFFrank,attemptId,userId,fullName,unitName,score,prediction,predictionDiff,durationMs,submittedAt\n');
  });

  it('writes a line per row, empty cells for what is unknown', () => {
    expect(resultsCsvLine(row({ prediction: null, predictionDiff: null, unitName: null }))).toBe(
      '1,a1,u1,Nguyễn Văn An,,9.5,,,61000,2026-11-26T08:01:01.000Z\n',
    );
  });

  it('quotes commas, quotes and line breaks, and reads them back as written', () => {
    const tricky = row({ fullName: 'Trần "Bé", Hoa\nLan', unitName: 'Tổ 1, Phòng 2' });
    const text = resultsCsvHeader() + resultsCsvLine(tricky) + resultsCsvLine(row({ rank: 2, attemptId: 'a2', userId: 'u2' }));
    expect(parseResultsCsv(text)).toEqual([tricky, row({ rank: 2, attemptId: 'a2', userId: 'u2' })]);
  });

  it('defuses a name a spreadsheet would run as a formula, and reads the name back', () => {
    const line = resultsCsvLine(row({ fullName: '=HYPERLINK("x")' }));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(parseResultsCsv(resultsCsvHeader() + line)[0].fullName).toBe('=HYPERLINK("x")');
  });

  it('refuses a file whose header is not the contract\'s, or a line with a missing column', () => {
    expect(() => parseResultsCsv('rank,userId\n1,u1\n')).toThrow(/header/);
    expect(() => parseResultsCsv(`${resultsCsvHeader()}1,a1,u1\n`)).toThrow(/line 2: 3 columns/);
    expect(() => parseResultsCsv(resultsCsvHeader() + resultsCsvLine(row()).replace('9.5', 'chín'))).toThrow(/score "chín" is not a number/);
  });
});

describe('a pool\'s canonical text (what its id hashes)', () => {
  const a: DrawCandidate = { questionId: 'q1', versionId: 'v1', topicId: 't', difficulty: 'easy', optionIds: ['o1', 'o2'], points: 1 };
  const b: DrawCandidate = { questionId: 'q2', versionId: 'v7', topicId: 't', difficulty: 'hard', optionIds: ['o3', 'o4'], points: 2.5 };

  it('does not depend on the order the database returned the candidates in, nor on key order', () => {
    const reordered = { points: 1, optionIds: ['o1', 'o2'], difficulty: 'easy', topicId: 't', versionId: 'v1', questionId: 'q1' } as DrawCandidate;
    expect(canonicalPoolText([b, reordered])).toBe(canonicalPoolText([a, b]));
  });

  it('changes with anything the draw uses: a version, the option order, the points', () => {
    const base = canonicalPoolText([a, b]);
    expect(canonicalPoolText([{ ...a, versionId: 'v2' }, b])).not.toBe(base);
    expect(canonicalPoolText([{ ...a, optionIds: ['o2', 'o1'] }, b])).not.toBe(base);
    expect(canonicalPoolText([a, { ...b, points: 2 }])).not.toBe(base);
  });
});

describe('SHA256SUMS', () => {
  it('is written the way sha256sum writes it and read back', () => {
    const sums = [
      { name: 'results.csv', sha256: 'a'.repeat(64) },
      { name: 'round.json', sha256: 'b'.repeat(64) },
    ];
    const text = formatSha256Sums(sums);
    expect(text).toBe(`${'a'.repeat(64)}  results.csv\n${'b'.repeat(64)}  round.json\n`);
    expect(parseSha256Sums(text)).toEqual(sums);
  });

  it('refuses a line it cannot read', () => {
    expect(() => parseSha256Sums('not a checksum results.csv\n')).toThrow(/cannot read/);
  });
});
