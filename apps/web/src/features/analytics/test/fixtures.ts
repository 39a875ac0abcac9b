import type { ContestParticipationResponse, ItemAnalysisResponse, UnitParticipationEntry } from '@hoi-thi/contracts';

export const contestId = 'c1';

const rounds = [
  { id: 'r1', title: 'Tuần 1' },
  { id: 'r2', title: 'Tuần 2' },
  { id: 'r3', title: 'Tuần 3' },
];

/** A unit with its participants per round (the server's roll-up, written out by hand). */
function unit(unitId: string, name: string, parentId: string | null, memberCount: number, perRound: number[], participants: number): UnitParticipationEntry {
  return {
    unitId,
    name,
    parentId,
    memberCount,
    rounds: perRound.map((count, index) => ({ roundId: rounds[index]!.id, participants: count, participationRate: memberCount > 0 ? count / memberCount : 0 })),
    participants,
    participationRate: memberCount > 0 ? participants / memberCount : 0,
  };
}

/**
 * Tổng Liên đoàn (1,000 members) → LĐLĐ Hà Nội (600) and LĐLĐ TP. Hồ Chí Minh (400) → four
 * grassroots unions. Round 3 is not open yet (nobody took part): "since the last round" compares 2 with 1.
 */
export const participation: ContestParticipationResponse = {
  rounds,
  units: [
    unit('tld', 'Tổng Liên đoàn Lao động Việt Nam', null, 1000, [150, 190, 0], 260),
    unit('hn', 'LĐLĐ Hà Nội', 'tld', 600, [100, 110, 0], 160),
    unit('hn-dd', 'CĐCS Bệnh viện Đa khoa Đống Đa', 'hn', 200, [20, 60, 0], 70),
    unit('hn-bk', 'CĐCS Đại học Bách khoa', 'hn', 400, [80, 50, 0], 90),
    unit('hcm', 'LĐLĐ TP. Hồ Chí Minh', 'tld', 400, [50, 80, 0], 100),
    unit('hcm-btn', 'CĐCS Báo Thanh Niên', 'hcm', 100, [30, 30, 0], 40),
    unit('hcm-cl', 'CĐCS Cảng Cát Lái', 'hcm', 300, [20, 50, 0], 60),
  ],
};

export const itemAnalysis: ItemAnalysisResponse = {
  attempts: 120,
  alpha: 0.71,
  items: [
    {
      questionId: 'q-wrong-key',
      versionId: 'v1',
      text: 'Luật Bầu cử quy định tuổi ứng cử đại biểu Quốc hội là bao nhiêu?',
      answered: 120,
      facility: 0.25,
      discrimination: -0.32,
      options: [
        { optionId: 'o1', text: 'Đủ 18 tuổi', correct: true, chosenBy: 30 },
        { optionId: 'o2', text: 'Đủ 21 tuổi', correct: false, chosenBy: 85 },
        { optionId: 'o3', text: 'Đủ 25 tuổi', correct: false, chosenBy: 5 },
      ],
      flags: ['NEGATIVE_DISCRIMINATION'],
    },
    {
      questionId: 'q-leak',
      versionId: 'v2',
      text: 'Ngày bầu cử là ngày nào trong tuần?',
      answered: 120,
      facility: 0.6,
      discrimination: 0.2,
      options: [
        { optionId: 'o4', text: 'Chủ nhật', correct: true, chosenBy: 72 },
        { optionId: 'o5', text: 'Thứ bảy', correct: false, chosenBy: 48 },
      ],
      flags: ['FACILITY_JUMP'],
    },
    {
      questionId: 'q-good',
      versionId: 'v3',
      text: 'Cử tri bỏ phiếu thế nào?',
      answered: 120,
      facility: 0.7,
      discrimination: null,
      options: [
        { optionId: 'o6', text: 'Trực tiếp', correct: true, chosenBy: 84 },
        { optionId: 'o7', text: 'Qua người khác', correct: false, chosenBy: 36 },
      ],
      flags: [],
    },
  ],
};
