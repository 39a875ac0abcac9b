import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type BlueprintLine, blueprintCoverage, checkBlueprint, Difficulties, type TopicAvailability } from './check-blueprint.js';

const bank: TopicAvailability[] = [
  { topicId: 'election-law', difficulty: 'easy', count: 2 },
  { topicId: 'election-law', difficulty: 'hard', count: 3 },
  { topicId: 'resolution', difficulty: 'medium', count: 10 },
];

describe('checking a blueprint at publish time', () => {
  it('a bank that can fill every line reports nothing', () => {
    expect(
      checkBlueprint(
        [
          { topicId: 'election-law', count: 5 },
          { topicId: 'resolution', count: 10, difficulty: 'medium' },
        ],
        bank,
      ),
    ).toEqual([]);
  });

  it('a topic with too few questions names the line, what it needs and what there is', () => {
    expect(checkBlueprint([{ topicId: 'resolution', count: 12 }], bank)).toEqual([
      { lineIndex: 0, topicId: 'resolution', difficulty: null, needed: 12, available: 10 },
    ]);
  });

  it('a difficulty the topic does not have counts as zero available', () => {
    expect(checkBlueprint([{ topicId: 'election-law', count: 1, difficulty: 'medium' }], bank)).toEqual([
      { lineIndex: 0, topicId: 'election-law', difficulty: 'medium', needed: 1, available: 0 },
    ]);
  });

  it('an unknown topic is short by the whole count', () => {
    expect(checkBlueprint([{ topicId: 'history', count: 2 }], bank)).toEqual([
      { lineIndex: 0, topicId: 'history', difficulty: null, needed: 2, available: 0 },
    ]);
  });

  it('"any difficulty" and "hard" lines of one topic share it: the hard line is served first', () => {
    // 3 any + 2 hard from 2 easy + 3 hard fits only if the hard line is filled before the any line.
    expect(
      checkBlueprint(
        [
          { topicId: 'election-law', count: 3 },
          { topicId: 'election-law', count: 2, difficulty: 'hard' },
        ],
        bank,
      ),
    ).toEqual([]);
  });

  it('when lines of one topic together ask too much, the "any" line is the one reported short', () => {
    expect(
      checkBlueprint(
        [
          { topicId: 'election-law', count: 3 },
          { topicId: 'election-law', count: 3, difficulty: 'hard' },
        ],
        bank,
      ),
    ).toEqual([{ lineIndex: 0, topicId: 'election-law', difficulty: null, needed: 3, available: 2 }]);
  });

  it('two lines for the same topic and difficulty: the later one gets what the earlier left', () => {
    expect(
      checkBlueprint(
        [
          { topicId: 'election-law', count: 2, difficulty: 'hard' },
          { topicId: 'election-law', count: 2, difficulty: 'hard' },
        ],
        bank,
      ),
    ).toEqual([{ lineIndex: 1, topicId: 'election-law', difficulty: 'hard', needed: 2, available: 1 }]);
  });

  it('every short line is reported, in blueprint order', () => {
    const shortfalls = checkBlueprint(
      [
        { topicId: 'history', count: 1 },
        { topicId: 'resolution', count: 11, difficulty: 'medium' },
        { topicId: 'election-law', count: 5 },
      ],
      bank,
    );
    expect(shortfalls.map((s) => s.lineIndex)).toEqual([0, 1]);
  });

  it('availability rows for the same topic and difficulty add up', () => {
    expect(
      checkBlueprint(
        [{ topicId: 't', count: 4, difficulty: 'easy' }],
        [
          { topicId: 't', difficulty: 'easy', count: 2 },
          { topicId: 't', difficulty: 'easy', count: 2 },
        ],
      ),
    ).toEqual([]);
  });

  it('a line asking for no questions, or a fraction of one, is refused as invalid', () => {
    for (const count of [0, -1, 1.5]) {
      expect(() => checkBlueprint([{ topicId: 't', count }], bank)).toThrow(
        expect.objectContaining({ code: 'CONTEST.BLUEPRINT_INVALID' }),
      );
    }
  });
});

describe("how the bank covers each line (the organizer's editor)", () => {
  it('counts what the bank has for each line and what is left when its turn comes', () => {
    expect(
      blueprintCoverage(
        [
          { topicId: 'election-law', count: 4 },
          { topicId: 'election-law', count: 2, difficulty: 'hard' },
        ],
        bank,
      ),
    ).toEqual([
      // The hard line is filled first and takes 2 of the 3 hard questions: 3 left for the "any" line.
      { inBank: 5, left: 3, short: 1 },
      { inBank: 3, left: 3, short: 0 },
    ]);
  });

  it('an unknown topic has nothing in the bank', () => {
    expect(blueprintCoverage([{ topicId: 'history', count: 2 }], bank)).toEqual([{ inBank: 0, left: 0, short: 2 }]);
  });

  it('a count not typed yet (0) takes nothing and is not short, where publishing would refuse it', () => {
    const lines: BlueprintLine[] = [
      { topicId: 'resolution', count: 0 },
      { topicId: 'resolution', count: 10, difficulty: 'medium' },
    ];
    expect(blueprintCoverage(lines, bank)).toEqual([
      { inBank: 10, left: 0, short: 0 },
      { inBank: 10, left: 10, short: 0 },
    ]);
    expect(() => checkBlueprint(lines, bank)).toThrow(expect.objectContaining({ code: 'CONTEST.BLUEPRINT_INVALID' }));
  });

  const topics = ['a', 'b'];
  const lines = fc.array(
    fc.record(
      { topicId: fc.constantFrom(...topics), count: fc.integer({ min: 1, max: 12 }), difficulty: fc.constantFrom(...Difficulties) },
      { requiredKeys: ['topicId', 'count'] },
    ),
    { minLength: 1, maxLength: 6 },
  );
  const availability = fc.array(
    fc.record({ topicId: fc.constantFrom(...topics), difficulty: fc.constantFrom(...Difficulties), count: fc.integer({ min: 0, max: 8 }) }),
    { maxLength: 8 },
  );

  it('never hands out more questions of a topic than the bank holds, nor counts more left for a line than the bank has for it', () => {
    fc.assert(
      fc.property(lines, availability, (blueprint, counts) => {
        const coverage = blueprintCoverage(blueprint, counts);
        for (const topicId of topics) {
          const held = counts.filter((row) => row.topicId === topicId).reduce((sum, row) => sum + row.count, 0);
          const taken = blueprint.reduce((sum, line, index) => (line.topicId === topicId ? sum + line.count - coverage[index].short : sum), 0);
          expect(taken).toBeLessThanOrEqual(held);
        }
        coverage.forEach(({ inBank, left, short }, index) => {
          expect(left).toBeLessThanOrEqual(inBank);
          expect(short).toBe(Math.max(0, blueprint[index].count - left));
        });
      }),
    );
  });

  it('publishing reports exactly the lines the editor shows short, with what was left for them', () => {
    fc.assert(
      fc.property(lines, availability, (blueprint, counts) => {
        const expected = blueprintCoverage(blueprint, counts).flatMap((coverage, lineIndex) =>
          coverage.short > 0 ? [{ lineIndex, needed: blueprint[lineIndex].count, available: coverage.left }] : [],
        );
        const reported = checkBlueprint(blueprint, counts).map(({ lineIndex, needed, available }) => ({ lineIndex, needed, available }));
        expect(reported).toEqual(expected);
      }),
    );
  });
});
