import { EngineError, EngineErrorCodes } from '../errors.js';

/** The organisation tree as the engine needs it (CĐCS → LĐLĐ → TLĐ). */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

/**
 * Parent links, checked once: a parent missing from the list makes its child a root (callers may
 * pass a subtree), a cycle is refused because every roll-up would loop.
 */
export class UnitTree {
  private readonly parentOf = new Map<string, string | null>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly lineageCache = new Map<string, ReadonlySet<string>>();

  constructor(units: readonly UnitNode[]) {
    for (const unit of units) this.parentOf.set(unit.id, unit.parentId);
    for (const unit of units) {
      const parentId =
        unit.parentId !== null && this.parentOf.has(unit.parentId) ? unit.parentId : null;
      this.parentOf.set(unit.id, parentId);
      if (parentId !== null) {
        const siblings = this.childrenOf.get(parentId) ?? [];
        siblings.push(unit.id);
        this.childrenOf.set(parentId, siblings);
      }
    }
    for (const unit of units) this.ancestorsOrSelf(unit.id);
  }

  has(unitId: string): boolean {
    return this.parentOf.has(unitId);
  }

  /** Fails with UNIT.NOT_FOUND: a result or an entry naming a unit outside the tree is a caller bug. */
  assertHas(unitId: string, context: string): void {
    if (!this.has(unitId)) {
      throw new EngineError(EngineErrorCodes.UNIT_NOT_FOUND, `Unknown unit ${unitId} (${context})`, {
        unitId,
      });
    }
  }

  parent(unitId: string): string | null {
    return this.parentOf.get(unitId) ?? null;
  }

  children(unitId: string): readonly string[] {
    return this.childrenOf.get(unitId) ?? [];
  }

  /** The unit itself, its parent, its parent's parent … up to the root. */
  ancestorsOrSelf(unitId: string): ReadonlySet<string> {
    const cached = this.lineageCache.get(unitId);
    if (cached) return cached;
    this.assertHas(unitId, 'lineage');
    const lineage = new Set<string>();
    let current: string | null = unitId;
    while (current !== null) {
      if (lineage.has(current)) {
        throw new EngineError(EngineErrorCodes.UNIT_CYCLE, `The unit tree has a cycle through ${current}`, {
          unitId: current,
        });
      }
      lineage.add(current);
      current = this.parent(current);
    }
    this.lineageCache.set(unitId, lineage);
    return lineage;
  }

  depth(unitId: string): number {
    return this.ancestorsOrSelf(unitId).size - 1;
  }

  /** True when one unit is the other, or above it, or below it: a judge from such a unit is not neutral. */
  related(a: string, b: string): boolean {
    return this.ancestorsOrSelf(a).has(b) || this.ancestorsOrSelf(b).has(a);
  }
}
