import { describe, expect, it } from '@jest/globals';
import { EngineError, EngineErrorCodes } from './errors.js';

describe('engine errors', () => {
  it('carry a stable MODULE.REASON code and details for the API to map, and stay ordinary Errors', () => {
    const error = new EngineError(EngineErrorCodes.BLUEPRINT_UNSATISFIABLE, 'not enough questions', { lineIndex: 2 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'EngineError', code: 'CONTEST.BLUEPRINT_UNSATISFIABLE', details: { lineIndex: 2 } });
    expect(error.message).toBe('not enough questions');
  });

  it('every code the engine throws follows MODULE.REASON', () => {
    for (const code of Object.values(EngineErrorCodes)) expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
  });
});
