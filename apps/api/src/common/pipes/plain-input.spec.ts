import { inspectPlainInput, MAX_DEPTH } from './plain-input';

describe('inspectPlainInput', () => {
  it('passes plain input through untouched', () => {
    const value = { a: 1, list: [{ b: 'x' }], nested: { c: null } };
    expect(inspectPlainInput(value)).toEqual({ problems: [], tooDeep: false, rest: value });
    expect(inspectPlainInput(value).rest).toBe(value);
  });

  it('names every prototype-named key, at any depth, sorted by field, and hands back the rest without them', () => {
    // As JSON.parse builds them: own keys, `__proto__` included.
    const value = JSON.parse('{"__proto__":{"x":1},"actions":[{"kind":{"valueOf":""},"description":"d"," ":null}],"availability":{"constructor":2,"workshops":true},"prototype":3}');
    const { problems, tooDeep, rest } = inspectPlainInput(value);
    expect(tooDeep).toBe(false);
    expect(problems).toEqual([
      { field: '__proto__', message: 'property __proto__ should not exist', code: 'forbidden_name', params: { name: '__proto__' } },
      { field: 'actions[0].kind.valueOf', message: 'property valueOf should not exist', code: 'forbidden_name', params: { name: 'valueOf' } },
      { field: 'availability.constructor', message: 'property constructor should not exist', code: 'forbidden_name', params: { name: 'constructor' } },
      { field: 'prototype', message: 'property prototype should not exist', code: 'forbidden_name', params: { name: 'prototype' } },
    ]);
    // What the validator then sees: the other broken parts (an object for `kind`, the unknown " ") are still there.
    expect(rest).toEqual({ actions: [{ kind: {}, description: 'd', ' ': null }], availability: { workshops: true } });
    expect(Object.keys(rest as object)).toEqual(['actions', 'availability']);
  });

  it('does not take array indexes for prototype names', () => {
    expect(inspectPlainInput({ list: ['a', 'b'] }).problems).toEqual([]);
  });

  it(`stops at ${MAX_DEPTH} levels, naming where, without building a copy`, () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const value = { ok: 1, deep, constructor: 1 };
    const { problems, tooDeep, rest } = inspectPlainInput(value);
    expect(tooDeep).toBe(true);
    expect(problems.map((p) => p.message)).toContain(`is nested deeper than ${MAX_DEPTH} levels`);
    expect(problems.find((p) => p.message.startsWith('is nested'))!.field).toMatch(/^deep(\.a)+$/);
    expect(rest).toBe(value);
  });

  it('names every string the engine cannot store (NUL, unpaired surrogates, controls), at any depth, and leaves them out of the rest', () => {
    const value = { beneficiary: { givenName: 'Ma\u0000rio', familyName: 'Rossi' }, note: 'a\ud800', list: ['ok', 'b\u0007'], tab: 'a\tb\nc' };
    const { problems, rest } = inspectPlainInput(value);
    expect(problems).toEqual([
      { field: 'beneficiary.givenName', message: expect.stringMatching(/control characters/), code: 'unstorable_text' },
      { field: 'list[1]', message: expect.stringMatching(/control characters/), code: 'unstorable_text' },
      { field: 'note', message: expect.stringMatching(/unpaired surrogate/), code: 'unstorable_text' },
    ]);
    expect(rest).toEqual({ beneficiary: { familyName: 'Rossi' }, list: ['ok', 'b\u0007'], tab: 'a\tb\nc' });
  });

  it('normalises every string to NFC, in a copy, without calling it a problem', () => {
    const value = { familyName: 'Nicolo\u0300', nested: [{ city: 'Forli\u0300' }] };
    const { problems, rest } = inspectPlainInput(value);
    expect(problems).toEqual([]);
    expect(rest).toEqual({ familyName: 'Nicol\u00f2', nested: [{ city: 'Forl\u00ec' }] });
    expect(value.familyName).toBe('Nicolo\u0300');
  });

  it('names a field whose name holds a control character, escaped', () => {
    expect(inspectPlainInput({ 'a\u0000b': 1 }).problems).toEqual([{ field: 'a\\u0000b', message: expect.stringMatching(/^the field's name/), code: 'unstorable_text' }]);
  });
});
