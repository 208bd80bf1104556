import { canonicalJson, commandFingerprint, idempotencyUpdateId } from './idempotency-keys';

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('commandFingerprint', () => {
  const input = { type: 'ScheduleAppointment', operatorId: 'op-1', at: '2099-05-04T09:00:00+02:00' };
  it('is the same for the same command and body in any key order', () => {
    expect(commandFingerprint('journeyCommand', input)).toBe(commandFingerprint('journeyCommand', { at: input.at, operatorId: 'op-1', type: 'ScheduleAppointment' }));
    expect(commandFingerprint('journeyCommand', input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another command, another type or another body', () => {
    const base = commandFingerprint('journeyCommand', input);
    expect(commandFingerprint('recordIntake', input)).not.toBe(base);
    expect(commandFingerprint('journeyCommand', { ...input, type: 'RescheduleAppointment' })).not.toBe(base);
    expect(commandFingerprint('journeyCommand', { ...input, operatorId: 'op-2' })).not.toBe(base);
    expect(commandFingerprint('journeyCommand', { ...input, note: 'x' })).not.toBe(base);
  });
});

describe('idempotencyUpdateId', () => {
  it('never gives two callers the same id by moving a separator between subject and key', () => {
    expect(idempotencyUpdateId('a:b', 'c')).not.toBe(idempotencyUpdateId('a', 'b:c'));
    expect(idempotencyUpdateId('a', 'b')).not.toBe(idempotencyUpdateId('b', 'a'));
    expect(idempotencyUpdateId('op-1', 'k')).toBe(idempotencyUpdateId('op-1', 'k'));
    expect(idempotencyUpdateId('op-1', 'k')).toMatch(/^idem-[0-9a-f]{64}$/);
  });
});
