import type { Redis } from 'ioredis';
import { START_RETRY_MAX_MS, START_RETRY_MIN_MS } from '@hoi-thi/contracts';
import { type Admission, AdmissionGate, type AdmissionRules, LATE_CREDIT_MAX_MS, TICKET_GRACE_MS } from './admission-gate.js';

/**
 * StartQueue (start-queue.ts) as one Lua script, so every replica shares one bucket and one queue
 * and a check-and-take is atomic. Redis's own clock (TIME) is the time: replicas' clocks may differ.
 * KEYS: the bucket (hash: tokens, at, seq), the queue (zset: ticket → arrival number) and the
 * expiries (zset: ticket → ms). Every key expires after a minute without starts. ARGV[8] is how long
 * the request waited before the API read it (see LATE_CREDIT_MAX_MS).
 */
const ENTER = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket, rate, burst = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local grace, minMs, maxMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local lateMax = tonumber(ARGV[7])
local arrived = now - math.min(math.max(tonumber(ARGV[8]), 0), lateMax)
local dead = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - lateMax, 'LIMIT', 0, 500)
if #dead > 0 then
  redis.call('ZREM', KEYS[2], unpack(dead))
  redis.call('ZREM', KEYS[3], unpack(dead))
end
local waiting = redis.call('ZCARD', KEYS[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]), tonumber(state[2])
if tokens == nil or at == nil then tokens, at = burst, now end
if now > at then
  local cap = burst + math.min(waiting, rate * grace / 1000)
  tokens = math.min(cap, tokens + (now - at) * rate / 1000)
  at = now
end
local rank = redis.call('ZRANK', KEYS[2], ticket)
local expires = rank and tonumber(redis.call('ZSCORE', KEYS[3], ticket))
if rank and (expires == nil or expires <= arrived) then
  redis.call('ZREM', KEYS[2], ticket)
  redis.call('ZREM', KEYS[3], ticket)
  waiting = waiting - 1
  rank = nil
end
local position = rank and rank + 1 or waiting + 1
local result
if position <= tokens + 1e-9 then
  tokens = tokens - 1
  if rank then
    redis.call('ZREM', KEYS[2], ticket)
    redis.call('ZREM', KEYS[3], ticket)
  end
  result = {0, 0}
else
  if not rank then redis.call('ZADD', KEYS[2], redis.call('HINCRBY', KEYS[1], 'seq', 1), ticket) end
  local wait = math.max(minMs, math.min(maxMs, math.ceil((position - tokens) * 1000 / rate)))
  redis.call('ZADD', KEYS[3], now + wait + grace, ticket)
  result = {position, wait}
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', at)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], 60000) end
return result
`;

export class RedisAdmissionGate extends AdmissionGate {
  private readonly keys: [string, string, string];

  constructor(
    private readonly redis: Redis,
    private readonly rules: AdmissionRules,
    prefix: string,
  ) {
    super();
    // One hash tag: the three keys live on one slot of a Redis Cluster, as a script needs.
    this.keys = [`{${prefix}}:bucket`, `{${prefix}}:queue`, `{${prefix}}:expiry`];
  }

  async enter(ticket: string, queuedMs = 0): Promise<Admission> {
    const [position, wait] = (await this.redis.eval(
      ENTER,
      3,
      ...this.keys,
      ticket,
      this.rules.perSecond,
      this.rules.burst,
      TICKET_GRACE_MS,
      START_RETRY_MIN_MS,
      START_RETRY_MAX_MS,
      LATE_CREDIT_MAX_MS,
      Math.round(queuedMs),
    )) as [number, number];
    return position === 0 ? { admitted: true } : { admitted: false, position, retryAfterMs: wait };
  }

  async leave(ticket: string): Promise<void> {
    await this.redis.multi().zrem(this.keys[1], ticket).zrem(this.keys[2], ticket).exec();
  }
}
