import { describe, expect, it } from '@jest/globals';
import { inspectInput, MAX_INPUT_ARRAY, MAX_INPUT_DEPTH } from './validation.js';

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** What no request may carry, whatever its DTO (found by test/e2e/fuzz.e2e-spec.ts, issue 16). */
describe('inspectInput', () => {
  it('lets ordinary Vietnamese text, emoji and numbers through', () => {
    expect(inspectInput({ title: 'Tìm hiểu pháp luật 👩‍👩‍👧‍👦', options: [{ text: 'Đúng', correct: true }], points: 1.5 })).toEqual([]);
  });

  it('refuses a NUL character in a value or a key, naming the field', () => {
    expect(inspectInput({ options: [{ text: 'a\u0000b' }] })).toEqual([{ field: 'options.0.text', constraint: 'noNullCharacter' }]);
    expect(inspectInput({ 'a\u0000': 1 })).toEqual([{ field: 'a\u0000', constraint: 'noNullCharacter' }]);
  });

  it('refuses a lone surrogate (PostgreSQL refuses it in jsonb), not a pair', () => {
    expect(inspectInput({ email: 'x\uD800' })).toEqual([{ field: 'email', constraint: 'wellFormedText' }]);
    expect(inspectInput({ email: '\uDC00x' })).toEqual([{ field: 'email', constraint: 'wellFormedText' }]);
    expect(inspectInput({ email: '\uD83D\uDE00' })).toEqual([]);
  });

  it('refuses nesting deeper than the limit without exhausting its own stack', () => {
    expect(inspectInput(nested(MAX_INPUT_DEPTH - 1))).toEqual([]);
    expect(inspectInput({ a: nested(MAX_INPUT_DEPTH) })).toEqual([{ field: `a${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`, constraint: 'maxDepth', params: { n: MAX_INPUT_DEPTH } }]);
    expect(inspectInput(nested(200_000))).toHaveLength(1);
  });

  it('refuses a list longer than any body needs', () => {
    expect(inspectInput({ optionIds: new Array(MAX_INPUT_ARRAY).fill(0) })).toEqual([]);
    expect(inspectInput({ optionIds: new Array(MAX_INPUT_ARRAY + 1).fill(0) })).toEqual([{ field: 'optionIds', constraint: 'arrayMaxSize', params: { n: MAX_INPUT_ARRAY } }]);
  });
});
