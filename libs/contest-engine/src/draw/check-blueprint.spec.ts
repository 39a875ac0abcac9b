import { describe, expect, it } from '@jest/globals';
import { checkBlueprint, type TopicAvailability } from './check-blueprint.js';

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
