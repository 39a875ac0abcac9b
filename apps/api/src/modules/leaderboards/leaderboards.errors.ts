import { defineErrors } from '../../common/errors/error-registry.js';

/**
 * The leaderboards module's error codes: the caps on live boards (SSE streams), thrown with
 * `rateLimited` so the answer carries Retry-After. The engine's LEADERBOARD.OUT_OF_RANGE is a
 * programming error and stays unregistered: a logged 500 INTERNAL.
 */
export const LeaderboardErrors = defineErrors({
  'STREAM.TOO_MANY_FROM_ADDRESS': {
    status: 429,
    vi: 'Có quá nhiều bảng xếp hạng trực tiếp đang mở từ mạng của bạn. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many live boards are open from your network. Please try again in {seconds} seconds.',
  },
  'STREAM.TOO_MANY': {
    status: 503,
    vi: 'Máy chủ đang phục vụ quá nhiều bảng xếp hạng trực tiếp. Vui lòng thử lại sau {seconds} giây.',
    en: 'The server is serving too many live boards. Please try again in {seconds} seconds.',
  },
});

export type LeaderboardErrorCode = keyof typeof LeaderboardErrors.specs;
