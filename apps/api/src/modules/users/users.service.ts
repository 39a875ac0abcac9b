import { Injectable, type OnModuleInit } from '@nestjs/common';
import { normalizeVietnamesePhone } from '@hoi-thi/contest-engine';
import type { Role } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuthErrors } from '../auth/auth.errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitsService } from '../units/units.service.js';
import type { UserEntity } from './user.entity.js';
import { isUniqueViolation } from '../../common/database/sql.js';
import { type AuthStanding, type AuthStateChange, type DuplicateAccountRow, type DuplicateGroupRow, type DuplicateSearch, type UserSearch, UsersRepository } from './users.repository.js';
import { UserErrors } from './users.errors.js';

export interface NewUser {
  fullName: string;
  email: string;
  passwordHash: string;
  unitId: string | null;
  phone?: string | null;
  roles?: Role[];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A group of the duplicates report with (up to `DUPLICATE_ACCOUNTS_PER_GROUP` of) its accounts. */
export interface DuplicateGroup extends DuplicateGroupRow {
  accounts: DuplicateAccountRow[];
}

/** A group bigger than this (someone made hundreds of accounts) shows its oldest accounts and its size. */
export const DUPLICATE_ACCOUNTS_PER_GROUP = 50;

/**
 * The one stored form of a phone number (`0xxxxxxxxx`); anything else is a 400 naming the field.
 * Every write of a phone goes through here, so the unique index compares like with like.
 */
export function canonicalPhone(phone: string, field = 'phone'): string {
  const result = normalizeVietnamesePhone(phone);
  if (!result.ok) throw DomainError.invalidField(field, 'isPhone');
  return result.phone;
}

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // A unit with members cannot be deleted (their unit is how they compete and are counted).
    this.units.registerUsage({ unitInUse: (unitId, tx) => this.users.anyInUnit(unitId, tx) });
  }

  /** userId → name, unit name and phone (the phone only for organizer exports; boards drop it). */
  async profiles(ids: string[]): Promise<Map<string, { fullName: string; unitName: string | null; phone: string | null }>> {
    const rows = await this.users.publicProfiles([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, { fullName: row.full_name, unitName: row.unit_name, phone: row.phone }]));
  }

  findById(id: string, tx?: Tx): Promise<UserEntity | null> {
    return this.users.findById(id, tx);
  }

  /** Many users by id, in no particular order; missing ids are simply absent (essays: the judge pool). */
  findManyByIds(ids: string[], tx?: Tx): Promise<UserEntity[]> {
    return this.users.findByIds([...new Set(ids)], tx);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  async create(data: NewUser, tx?: Tx): Promise<UserEntity> {
    if (data.unitId !== null && !(await this.units.exists(data.unitId, tx))) throw DomainError.invalidField('unitId', 'unitNotFound');
    try {
      return await this.users.insert(
        {
          fullName: data.fullName,
          email: normalizeEmail(data.email),
          passwordHash: data.passwordHash,
          phone: data.phone == null ? null : canonicalPhone(data.phone),
          unitId: data.unitId,
          roles: data.roles ?? ['member'],
        },
        tx,
      );
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_users_email')) throw AuthErrors.error('AUTH.EMAIL_TAKEN');
      // No look-up first: the unique index decides, so two registrations racing for one number
      // (in any two formats) cannot both win.
      if (isUniqueViolation(error, 'UQ_users_phone')) throw AuthErrors.error('AUTH.PHONE_TAKEN');
      throw error;
    }
  }

  search(query: UserSearch): Promise<[UserEntity[], number]> {
    return this.users.search(query);
  }

  /** The organizers' list of accounts that look like the same person: groups, biggest first; no action taken. */
  async duplicates(query: DuplicateSearch): Promise<{ groups: DuplicateGroup[]; total: number }> {
    const { groups, total } = await this.users.duplicateGroups(query);
    const accounts = await this.users.duplicateAccounts(groups, DUPLICATE_ACCOUNTS_PER_GROUP);
    return { groups: groups.map((group, index) => ({ ...group, accounts: accounts[index] ?? [] })), total };
  }

  private readonly authStateListeners: (() => Promise<void>)[] = [];

  /** Called after this module committed a change to an account's token standing (the auth module re-reads revocations). */
  onAuthStateChange(listener: () => Promise<void>): void {
    this.authStateListeners.push(listener);
  }

  /**
   * New roles; tokens issued with the old ones are refused on every replica within seconds (the
   * member's client refreshes and gets the new roles), on this one at once. The audit entry commits
   * with the change.
   */
  async setRoles(actor: AuthUser, userId: string, roles: Role[]): Promise<UserEntity> {
    const saved = await this.users.transaction(async (tx) => {
      const user = await this.users.findByIdForUpdate(userId, tx);
      if (!user) throw UserErrors.error('USER.NOT_FOUND');
      if (actor.id === userId && user.roles.includes('admin') && !roles.includes('admin')) {
        throw UserErrors.error('USER.CANNOT_DEMOTE_SELF');
      }
      const saved = (await this.users.updateAuthState(userId, { roles: [...new Set(roles)], revokeTokens: true }, tx))!;
      await this.audit.record({ actorId: actor.id, action: 'user.roles', targetType: 'user', targetId: userId, details: { from: user.roles, to: saved.roles } }, tx);
      return saved;
    });
    await Promise.all(this.authStateListeners.map((listener) => listener()));
    return saved;
  }

  /**
   * Changes an account's token standing inside the caller's transaction (the auth module: password
   * reset and change, deactivation). Null when there is no such account.
   */
  changeAuthState(userId: string, change: AuthStateChange, tx: Tx): Promise<UserEntity | null> {
    return this.users.updateAuthState(userId, change, tx);
  }

  findByIdForUpdate(userId: string, tx: Tx): Promise<UserEntity | null> {
    return this.users.findByIdForUpdate(userId, tx);
  }

  /** What every replica polls: accounts whose token standing changed after `since`, and the database's time. */
  authChangesSince(since: Date): Promise<{ now: Date; changes: AuthStanding[] }> {
    return this.users.authChangesSince(since);
  }

  /** `PATCH /api/auth/me`: the name, and the phone stored canonical and unique (`null` removes it unless phones are required). */
  async updateProfile(userId: string, profile: { fullName?: string; phone?: string | null }, phoneRequired: boolean): Promise<UserEntity> {
    if (profile.phone === null && phoneRequired) throw DomainError.invalidField('phone', 'isDefined');
    const phone = profile.phone == null ? profile.phone : canonicalPhone(profile.phone);
    try {
      await this.users.updateProfile(userId, { fullName: profile.fullName, phone });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_users_phone')) throw AuthErrors.error('AUTH.PHONE_TAKEN');
      throw error;
    }
    const user = await this.users.findById(userId);
    if (!user) throw UserErrors.error('USER.NOT_FOUND');
    return user;
  }

  /** A new hash of the same password (the hashing parameters changed). */
  replacePasswordHash(userId: string, passwordHash: string): Promise<void> {
    return this.users.updatePasswordHash(userId, passwordHash);
  }

  /** Makes sure an admin account exists with this email (ADMIN_EMAIL/ADMIN_PASSWORD at boot). */
  /**
   * The boot admin: created when the address is free; an existing account becomes an admin only when
   * `provesOwnership` accepts its password hash (it was set with the admin password).
   */
  async ensureAdmin(
    email: string,
    password: { hash: () => Promise<string>; provesOwnership: (passwordHash: string) => Promise<boolean> },
  ): Promise<'created' | 'promoted' | 'unchanged' | 'refused'> {
    const existing = await this.findByEmail(email);
    if (existing) {
      if (existing.roles.includes('admin')) return 'unchanged';
      if (!(await password.provesOwnership(existing.passwordHash))) return 'refused';
      existing.roles = [...new Set<Role>([...existing.roles, 'admin'])];
      await this.users.save(existing);
      return 'promoted';
    }
    await this.create({ fullName: 'Quản trị viên', email, passwordHash: await password.hash(), unitId: null, roles: ['admin'] });
    return 'created';
  }
}
