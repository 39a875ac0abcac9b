import type { ContestParticipationResponse, ItemAnalysisEntry, ItemAnalysisResponse } from '@hoi-thi/contracts';
import type { ItemAnalysisView, ItemView, ParticipationView } from './analytics.service.js';

export function toParticipationResponse(view: ParticipationView): ContestParticipationResponse {
  return {
    rounds: view.rounds.map((round) => ({ id: round.id, title: round.title })),
    units: view.units.map((unit) => ({
      unitId: unit.unitId,
      name: unit.name,
      parentId: unit.parentId,
      memberCount: unit.memberCount,
      rounds: unit.rounds.map((round) => ({ roundId: round.roundId, participants: round.participants, participationRate: round.participationRate })),
      participants: unit.participants,
      participationRate: unit.participationRate,
    })),
  };
}

/** Flagged questions first (most flags first), then the least discriminating, then by id. */
export function toItemAnalysisResponse(view: ItemAnalysisView): ItemAnalysisResponse {
  const items = view.items.map(toItem);
  const discrimination = (item: ItemAnalysisEntry) => item.discrimination ?? Number.POSITIVE_INFINITY;
  items.sort(
    (a, b) =>
      b.flags.length - a.flags.length ||
      (discrimination(a) === discrimination(b) ? 0 : discrimination(a) < discrimination(b) ? -1 : 1) ||
      (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
  );
  return { attempts: view.attempts, alpha: view.alpha, items };
}

function toItem({ statistics, current, formerOptions }: ItemView): ItemAnalysisEntry {
  const chosenBy = (optionId: string) => statistics.chosenBy.get(optionId) ?? 0;
  return {
    questionId: statistics.questionId,
    versionId: current?.versionId ?? '',
    text: current?.text ?? '',
    answered: statistics.answered,
    facility: statistics.facility,
    discrimination: statistics.discrimination,
    options: [
      ...(current?.options ?? []).map((option) => ({ optionId: option.id, text: option.text, correct: option.correct, chosenBy: chosenBy(option.id) })),
      ...formerOptions.map((option) => ({ optionId: option.id, text: option.text, correct: false, chosenBy: chosenBy(option.id) })),
    ],
    flags: statistics.flags,
  };
}
