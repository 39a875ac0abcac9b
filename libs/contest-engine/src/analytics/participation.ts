import { compareIds } from '../common/compare.js';
import type { BoardUnit } from '../ranking/unit-ranking.js';
import { UnitTree } from '../units/unit-tree.js';

/** A unit's own members (not those below it) who took part in a round: distinct members, counted in SQL. */
export interface RoundUnitCount {
  roundId: string;
  unitId: string;
  participants: number;
}

/**
 * Members who took part in any round of the contest, grouped by the units they took part from:
 * nearly always one unit (`[unitId]`); a member who moved between rounds has two or more. Counted
 * in SQL; the groups let the roll-up count such a member once in a unit above both.
 */
export interface MemberUnitsCount {
  unitIds: readonly string[];
  members: number;
}

export interface RoundParticipation {
  roundId: string;
  participants: number;
  /** participants / memberCount, 0 when memberCount is 0 (not capped: above 1, the member count is out of date). */
  participationRate: number;
}

export interface UnitParticipation {
  unitId: string;
  name: string;
  parentId: string | null;
  /** Its own members plus those of every unit below it. */
  memberCount: number;
  /** One per round, in the order of `roundIds`. */
  rounds: RoundParticipation[];
  /** Distinct members, in it or below it, who took part in any round. */
  participants: number;
  participationRate: number;
}

const vietnamese = new Intl.Collator('vi');

/**
 * Participation by unit and round, rolled up the unit tree (the participation dashboard): a member
 * counts for the unit they took part from and every unit above it, once per unit and round, and
 * once per unit over the whole contest even when they took part from two units below it. Member
 * counts roll up the same way, so a district's rate is over all its members.
 * Units come in tree order: each root, then its sub-units depth first, siblings by name.
 * Counts of rounds not in `roundIds` are left out.
 */
export function participationByUnit(
  units: readonly BoardUnit[],
  roundIds: readonly string[],
  perRound: readonly RoundUnitCount[],
  members: readonly MemberUnitsCount[],
): UnitParticipation[] {
  const tree = new UnitTree(units);
  const roundIndex = new Map(roundIds.map((roundId, index) => [roundId, index]));
  const totals = new Map(units.map((unit) => [unit.id, { memberCount: 0, rounds: roundIds.map(() => 0), participants: 0 }]));

  for (const unit of units) {
    for (const unitId of tree.ancestorsOrSelf(unit.id)) totals.get(unitId)!.memberCount += unit.memberCount;
  }
  for (const count of perRound) {
    tree.assertHas(count.unitId, `participants of round ${count.roundId}`);
    const index = roundIndex.get(count.roundId);
    if (index === undefined) continue;
    for (const unitId of tree.ancestorsOrSelf(count.unitId)) totals.get(unitId)!.rounds[index] += count.participants;
  }
  for (const group of members) {
    const reached = new Set<string>();
    for (const unitId of group.unitIds) {
      tree.assertHas(unitId, 'members who took part');
      for (const above of tree.ancestorsOrSelf(unitId)) reached.add(above);
    }
    for (const unitId of reached) totals.get(unitId)!.participants += group.members;
  }

  const rate = (participants: number, memberCount: number) => (memberCount === 0 ? 0 : participants / memberCount);
  return treeOrder(units, tree).map((unit) => {
    const total = totals.get(unit.id)!;
    return {
      unitId: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      memberCount: total.memberCount,
      rounds: roundIds.map((roundId, index) => ({
        roundId,
        participants: total.rounds[index],
        participationRate: rate(total.rounds[index], total.memberCount),
      })),
      participants: total.participants,
      participationRate: rate(total.participants, total.memberCount),
    };
  });
}

/** Roots, then each unit's sub-units depth first; siblings by Vietnamese name, then id. */
function treeOrder(units: readonly BoardUnit[], tree: UnitTree): BoardUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const bySiblingOrder = (a: BoardUnit, b: BoardUnit) => vietnamese.compare(a.name, b.name) || compareIds(a.id, b.id);
  const ordered: BoardUnit[] = [];
  const stack = units.filter((unit) => tree.parent(unit.id) === null).sort(bySiblingOrder).reverse();
  while (stack.length) {
    const unit = stack.pop()!;
    ordered.push(unit);
    const children = tree.children(unit.id).map((id) => byId.get(id)!);
    stack.push(...children.sort(bySiblingOrder).reverse());
  }
  return ordered;
}
