import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeVietnamesePhone } from '@hoi-thi/contest-engine';
import type { Role } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitsService } from '../units/units.service.js';
import type { UserEntity } from './user.entity.js';
import { isUniqueViolation } from '../../common/database/sql.js';
import { type DuplicateAccountRow, type DuplicateGroupRow, type DuplicateSearch, type UserSearch, UsersRepository } from './users.repository.js';

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
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  /** userId → name, unit name and phone (the phone only for organizer exports; boards drop it). */
  async profiles(ids: string[]): Promise<Map<string, { fullName: string; unitName: string | null; phone: string | null }>> {
    const rows = await this.users.publicProfiles([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, { fullName: row.full_name, unitName: row.unit_name, phone: row.phone }]));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** Many users by id, in no particular order; missing ids are simply absent (essays: the judge pool). */
  findManyByIds(ids: string[], manager?: EntityManager): Promise<UserEntity[]> {
    return this.users.findByIds([...new Set(ids)], manager);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  async create(data: NewUser, manager?: EntityManager): Promise<UserEntity> {
    if (data.unitId !== null && !(await this.units.exists(data.unitId, manager))) throw DomainError.invalidField('unitId', 'unitNotFound');
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
        manager,
      );
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_users_email')) throw new DomainError('AUTH.EMAIL_TAKEN');
      // No look-up first: the unique index decides, so two registrations racing for one number
      // (in any two formats) cannot both win.
      if (isUniqueViolation(error, 'UQ_users_phone')) throw new DomainError('AUTH.PHONE_TAKEN');
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

  async setRoles(actor: AuthUser, userId: string, roles: Role[]): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('USER.NOT_FOUND');
    if (actor.id === userId && user.roles.includes('admin') && !roles.includes('admin')) {
      throw new DomainError('USER.CANNOT_DEMOTE_SELF');
    }
    const from = user.roles;
    user.roles = [...roles];
    const saved = await this.users.save(user);
    await this.audit.record({ actorId: actor.id, action: 'user.roles', targetType: 'user', targetId: userId, details: { from, to: saved.roles } });
    return saved;
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
