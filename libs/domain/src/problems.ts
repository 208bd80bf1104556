/**
 * The shape of a field problem, one for every validator that publishes codes (catalogues, offices): the field's path,
 * the English message, the stable code of the broken rule and that code's parameters, so a client phrases it in its own
 * language. `Params` maps each code to its parameters (`undefined`: none).
 */
export type FieldProblemOf<Params> = {
  [C in keyof Params]: { field: string; message: string; code: C } & (Params[C] extends undefined ? { params?: undefined } : { params: Params[C] });
}[keyof Params];
