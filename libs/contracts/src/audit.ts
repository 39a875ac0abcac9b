/**
 * What the audit log records (API.md "Audit"): stable names, stored as they are. Add a name here
 * when an organizer or admin action gets recorded; never rename one (old entries keep it).
 */
export const AuditActions = [
  'contest.publish',
  'contest.finish',
  'contest.managers',
  'round.update',
  'round.delete',
  'round.close',
  'round.regrade',
  'round.results_bundle',
  'round.certificates',
  'round.results_digest',
  'question.update',
  'question.archive',
  'question.import',
  'user.roles',
  'user.password_reset',
  'user.deactivate',
  'user.activate',
  'judging.lock',
  'essay.results.publish',
] as const;
export type AuditAction = (typeof AuditActions)[number];

export const AuditTargetTypes = ['contest', 'round', 'question', 'topic', 'user'] as const;
export type AuditTargetType = (typeof AuditTargetTypes)[number];

export interface AuditEntryResponse {
  id: string;
  at: string;
  actorId: string | null;
  /** The actor's name now (null for an entry without an actor, or an account that no longer exists). */
  actorName: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  limit?: number;
  offset?: number;
  action?: AuditAction;
  actorId?: string;
}
