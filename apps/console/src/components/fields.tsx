import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { isMessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { DURATION_UNITS, isDurationAmount } from './format';
import { Button, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextArea as RacTextArea, TextField, type TextFieldProps } from 'react-aria-components';

/** The API's messages of the last 400, by field path (`beneficiary.fiscalCode`, `actions[0].dueDate`). */
const ApiFieldErrorsContext = createContext<Record<string, string[]>>({});

/**
 * Gives the fields inside the API's messages of the last refused submit, each shown beside the field of its name until
 * the person changes that field. (Not react-aria's `validationErrors`: those clear when the field loses focus, so the
 * form moved under the pointer between pressing and releasing the submit button and the click was lost.)
 */
export function ApiFieldErrors({ errors, children }: { errors: Record<string, string[]>; children: ReactNode }) {
  return <ApiFieldErrorsContext.Provider value={errors}>{children}</ApiFieldErrorsContext.Provider>;
}

/** The API's messages for the field `name`, until it changes; and the change handler that hides them. */
function useApiFieldError(name: string | undefined): { messages: string[] | undefined; changed(): void } {
  const errors = useContext(ApiFieldErrorsContext);
  // The errors object the person has changed the field since (a new submit brings a new object).
  const [changedSince, setChangedSince] = useState<Record<string, string[]> | null>(null);
  const messages = name && changedSince !== errors ? errors[name] : undefined;
  return { messages: messages && messages.length > 0 ? messages : undefined, changed: () => setChangedSince(errors) };
}

/**
 * A labelled text input with its help text and its error (the browser's own validation or, through the enclosing
 * {@link ApiFieldErrors}, the API's message for this field's name).
 */
export function TextInput({ label, help, ...props }: TextFieldProps & { label: ReactNode; help?: ReactNode }) {
  const api = useApiFieldError(props.name);
  return (
    <TextField {...props} {...apiErrorProps(api, props)} className="sal-field">
      <Label className="sal-label">{label}</Label>
      <Input className="form-control sal-input" />
      {help && (
        <Text slot="description" className="sal-help">
          {help}
        </Text>
      )}
      <FieldError className="sal-field-error">{api.messages?.join('; ')}</FieldError>
    </TextField>
  );
}

/** A labelled multi-line text input, like {@link TextInput}. */
export function TextArea({ label, help, ...props }: TextFieldProps & { label: ReactNode; help?: ReactNode }) {
  const api = useApiFieldError(props.name);
  return (
    <TextField {...props} {...apiErrorProps(api, props)} className="sal-field">
      <Label className="sal-label">{label}</Label>
      <RacTextArea className="form-control sal-input" rows={3} />
      {help && (
        <Text slot="description" className="sal-help">
          {help}
        </Text>
      )}
      <FieldError className="sal-field-error">{api.messages?.join('; ')}</FieldError>
    </TextField>
  );
}

/**
 * A duration typed as people say it, "every 30 days": a whole number and its unit (days, weeks, months), held as
 * `30|D` and sent as the API's ISO-8601 `P30D` ({@link isoDurationOf}). The number carries the field's `name`, so the
 * API's message for it shows beside it; one that is not a whole number of at least 1 is flagged as it is typed.
 */
export function DurationInput({ name, label, help, value, onChange }: { name: string; label: ReactNode; help?: ReactNode; value: string; onChange(value: string): void }) {
  const t = useT();
  const [amount = '', unit = 'D'] = value.split('|');
  const set = (nextAmount: string, nextUnit: string) => onChange(nextAmount === '' && nextUnit === 'D' ? '' : `${nextAmount}|${nextUnit}`);
  return (
    <fieldset className="sal-fieldset sal-duration">
      <legend className="sal-label">{label}</legend>
      {help && <p className="sal-help">{help}</p>}
      <div className="sal-duration-parts">
        <TextInput
          name={name}
          label={t('duration.amount')}
          value={amount}
          onChange={(next) => set(next, unit)}
          inputMode="numeric"
          autoComplete="off"
          validate={(typed) => (typed.trim() === '' || isDurationAmount(typed) ? null : t('duration.invalid'))}
        />
        <Choice name={`${name}.unit`} label={t('duration.unit')} value={unit} onChange={(next) => set(amount, next || 'D')} options={DURATION_UNITS.map((u): [string, string] => [u, t(`duration.unit.${u}`)])} />
      </div>
    </fieldset>
  );
}

/** The key of the empty choice ("any"): react-aria keys cannot be empty. */
const NONE = '__none__';

/** A labelled single choice (react-aria Select: a button and a list box, usable with the keyboard); `''` is a choice too. */
export function Choice({ label, value, onChange, options, name }: { label: string; value: string; onChange(value: string): void; options: [string, string][]; name?: string }) {
  const api = useApiFieldError(name);
  return (
    <Select
      selectedKey={value || NONE}
      onSelectionChange={(key) => {
        api.changed();
        onChange(key === NONE || key === null ? '' : String(key));
      }}
      isInvalid={api.messages !== undefined}
      className="sal-field sal-select"
      name={name}
    >
      <Label className="sal-label">{label}</Label>
      <Button className="form-control sal-input sal-select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="sal-popover">
        <ListBox className="sal-listbox">
          {options.map(([key, text]) => (
            <ListBoxItem key={key || NONE} id={key || NONE} className="sal-option" textValue={text}>
              {text}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
      <FieldError className="sal-field-error">{api.messages?.join('; ')}</FieldError>
    </Select>
  );
}


/** A text field's props for the API's messages: invalid while they show, hidden once the person types. */
function apiErrorProps(api: { messages: string[] | undefined; changed(): void }, props: TextFieldProps): Partial<TextFieldProps> {
  return {
    ...(api.messages !== undefined ? { isInvalid: true } : {}),
    onChange: (value: string) => {
      api.changed();
      props.onChange?.(value);
    },
  };
}

/**
 * The list of a refused submit's fields at the top of its form, each named by the label the person sees beside it
 * (read from the form's own field of that name; inside a list, with the list's name and the item's number), not by
 * the API's path (`addActions[0].dueDate`). A field the form does not show (a rule on the whole body) keeps the
 * catalogue's label of its last name, else its path.
 */
export function FieldProblemList({ errors }: { errors: Record<string, string[]> }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  useLayoutEffect(() => {
    const form = list.current?.closest('section, form, main') ?? document;
    setLabels(Object.fromEntries(Object.keys(errors).map((path) => [path, labelInForm(form, path)]).filter((e): e is [string, string] => e[1] !== null)));
  }, [errors]);
  const fallback = (path: string) => {
    const last = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path)?.[1];
    const key = `field.${last}`;
    return last && isMessageKey(key) ? t(key) : path;
  };
  return (
    <ul className="mb-0" ref={list}>
      {Object.entries(errors).map(([field, messages]) => (
        <li key={field}>
          <strong>{labels[field] ?? fallback(field)}</strong>: {messages.join('; ')}
        </li>
      ))}
    </ul>
  );
}

/** The visible label of the form's field named `path`, with the list and item it is in, or null. */
function labelInForm(form: ParentNode, path: string): string | null {
  const field = form.querySelector(`[name="${CSS.escape(path)}"]`);
  if (!field) return null;
  const text = (el: Element | null | undefined) => el?.textContent?.trim() || null;
  // A duration's number is named by the duration it is part of (its legend), not by its own "Ogni (numero)".
  const whole = text(field.closest('fieldset.sal-duration')?.querySelector(':scope > legend'));
  const own = whole ?? text(field.closest('.sal-field')?.querySelector('.sal-label')) ?? text(field.closest('label'));
  if (!own) return null;
  const item = field.closest('fieldset.sal-action');
  const listName = text(item?.parentElement?.closest('fieldset')?.querySelector(':scope > legend'));
  const itemNumber = text(item?.querySelector(':scope > legend'));
  return item && listName && itemNumber ? `${own} (${listName} ${itemNumber})` : own;
}
