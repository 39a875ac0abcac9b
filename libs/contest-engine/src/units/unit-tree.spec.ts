import { describe, expect, it } from '@jest/globals';
import { UnitTree } from './unit-tree.js';

// TLĐ → LĐLĐ tỉnh → CĐCS, plus a sister province.
const tree = new UnitTree([
  { id: 'federation', parentId: null },
  { id: 'province-a', parentId: 'federation' },
  { id: 'province-b', parentId: 'federation' },
  { id: 'school', parentId: 'province-a' },
  { id: 'hospital', parentId: 'province-a' },
]);

describe('the organisation tree', () => {
  it('a unit is related to itself, every unit above it and every unit below it', () => {
    expect(tree.related('school', 'school')).toBe(true);
    expect(tree.related('school', 'province-a')).toBe(true);
    expect(tree.related('federation', 'school')).toBe(true);
  });

  it('siblings and cousins are not related', () => {
    expect(tree.related('school', 'hospital')).toBe(false);
    expect(tree.related('school', 'province-b')).toBe(false);
  });

  it('depth counts the levels above a unit', () => {
    expect([tree.depth('federation'), tree.depth('province-a'), tree.depth('school')]).toEqual([0, 1, 2]);
  });

  it('lists children', () => {
    expect(tree.children('province-a')).toEqual(['school', 'hospital']);
    expect(tree.children('school')).toEqual([]);
  });

  it('a unit that is its own parent is a cycle', () => {
    expect(() => new UnitTree([{ id: 'loop', parentId: 'loop' }])).toThrow(expect.objectContaining({ code: 'UNIT.CYCLE' }));
  });

  it('an unknown unit is refused', () => {
    expect(() => tree.ancestorsOrSelf('nowhere')).toThrow(expect.objectContaining({ code: 'UNIT.NOT_FOUND' }));
  });
});
