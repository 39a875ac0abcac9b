import type { VerifiedSummary } from '@hoi-thi/contest-engine';

/** Verifies a results bundle (the zip's bytes); throws ResultsDifference at the first difference. */
export function verifyBundle(zipBytes: Uint8Array): VerifiedSummary & { resultsSha256: string };
