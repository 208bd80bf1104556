import { findTextProblem, textProblem } from './text';

describe('textProblem: what free text the engine stores', () => {
  it('accepts ordinary Italian text, emoji (paired surrogates) and, in notes, tabs and line feeds', () => {
    expect(textProblem("Niccolò D'Amico – così è")).toBeNull();
    expect(textProblem('Colloquio 👍 fissato')).toBeNull();
    expect(textProblem('riga uno\nriga\tdue', 'multiline')).toBeNull();
  });

  it.each([
    ['NUL', 'Rossi\u0000'],
    ['a C0 control', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a carriage return', 'a\rb'],
  ])('refuses %s in any text', (_what, value) => {
    expect(textProblem(value, 'line')).toMatch(/control characters/);
    expect(textProblem(value, 'multiline')).toMatch(/control characters/);
  });

  it('refuses line breaks and tabs in a single line (a name, an employer)', () => {
    expect(textProblem('Mario\nRossi', 'line')).toMatch(/line breaks/);
    expect(textProblem('Mario\tRossi', 'line')).toMatch(/control characters/);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'ab\udbff'],
    ['a lone low surrogate', '\udc00ab'],
    ['two high surrogates', '\ud800\ud800\udc00'],
  ])('refuses %s: PostgreSQL cannot store it', (_what, value) => {
    expect(textProblem(value, 'multiline')).toMatch(/unpaired surrogate/);
  });

  it('refuses text not in NFC form (e + combining grave), which the API normalises before it gets here', () => {
    const decomposed = 'Niccole\u0300';
    expect(textProblem(decomposed)).toMatch(/NFC/);
    expect(textProblem(decomposed.normalize('NFC'))).toBeNull();
  });
});

describe('findTextProblem: every string of a command, at any depth', () => {
  it('finds nothing in a clean command, numbers and booleans included', () => {
    expect(findTextProblem({ operatorId: 'op-1', hours: 2, ok: true, none: null, actions: [{ description: 'a\nb' }] })).toBeNull();
  });

  it('names the field of the first bad string, in arrays and nested objects', () => {
    expect(findTextProblem({ actions: [{ description: 'ok' }, { description: 'x\u0000' }] })).toEqual({
      field: 'actions[1].description',
      message: expect.stringMatching(/control characters/),
    });
    expect(findTextProblem({ outputs: { cv: 'a\udfffb' } })?.field).toBe('outputs.cv');
  });

  it('looks at field names too', () => {
    expect(findTextProblem({ 'a\u0000': 1 })).toEqual({ field: 'a\u0000', message: expect.stringMatching(/^the field's name must not contain/) });
  });

  it('refuses input nested deeper than any command', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(findTextProblem(deep)?.message).toMatch(/nested deeper/);
  });
});
