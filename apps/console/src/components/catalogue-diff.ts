import diff from 'microdiff';

/** One difference between two versions of a catalogue: the field's path as the API names it, and its two values. */
export interface FieldDifference {
  field: string;
  before: unknown;
  after: unknown;
}

/** `clocks.stallAfter`, `services[2].after`: the way the API's validation messages name a field. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** The fields that differ from `before` to `after` (`undefined`: absent on that side), in the order microdiff finds them. */
export function catalogueDifferences(before: object, after: object): FieldDifference[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((change) => ({
    field: fieldPath(change.path),
    before: change.type === 'CREATE' ? undefined : change.oldValue,
    after: change.type === 'REMOVE' ? undefined : change.value,
  }));
}

/** A value as the diff shows it: text as it is, anything else as compact JSON. */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
