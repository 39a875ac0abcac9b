/** API.md "Analytics and verifiable results (managers)". */

export interface ParticipationRoundRef {
  id: string;
  title: string;
}

export interface UnitRoundParticipation {
  roundId: string;
  /** Distinct members of the unit or below it who finished an attempt in the round. */
  participants: number;
  /** participants / memberCount; 0 when the unit has no members on record. */
  participationRate: number;
}

export interface UnitParticipationEntry {
  unitId: string;
  name: string;
  parentId: string | null;
  /** Members on record in the unit and every unit below it. */
  memberCount: number;
  /** One per round of `rounds`, in the same order. */
  rounds: UnitRoundParticipation[];
  /** Distinct members of the unit or below it who took part in any round. */
  participants: number;
  participationRate: number;
}

/** `GET /api/contests/:id/participation`: every unit (in tree order) × every quiz round of the contest. */
export interface ContestParticipationResponse {
  /** The contest's quiz rounds, in order. */
  rounds: ParticipationRoundRef[];
  units: UnitParticipationEntry[];
}

export const ItemFlags = ['NEGATIVE_DISCRIMINATION', 'TOO_EASY', 'TOO_HARD', 'FACILITY_JUMP'] as const;
export type ItemFlag = (typeof ItemFlags)[number];

export interface ItemOptionStats {
  optionId: string;
  text: string;
  /** Correct in the question's current version. */
  correct: boolean;
  /** Finished attempts that chose it. */
  chosenBy: number;
}

export interface ItemAnalysisEntry {
  questionId: string;
  /** The question's current version (its text and options are shown). */
  versionId: string;
  text: string;
  /** Finished attempts whose paper carried the question (a blank counts, as a wrong answer). */
  answered: number;
  /** Mean score fraction, 0 … 1. */
  facility: number;
  /** Point-biserial correlation with the rest of the paper; null when the item or the rest never varies. */
  discrimination: number | null;
  options: ItemOptionStats[];
  flags: ItemFlag[];
}

/** `GET /api/rounds/:id/item-analysis`: flagged questions first. */
export interface ItemAnalysisResponse {
  /** Finished attempts (submitted or expired). */
  attempts: number;
  /** Cronbach's alpha over the questions every attempt had; null with fewer than two such questions or no spread. */
  alpha: number | null;
  items: ItemAnalysisEntry[];
}
