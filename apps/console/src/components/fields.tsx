import type { ReactNode } from 'react';
import { Button, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextArea as RacTextArea, TextField, type TextFieldProps } from 'react-aria-components';

/**
 * A labelled text input with its help text and its error (the browser's own validation or, through the enclosing
 * `<Form validationErrors>`, the API's message for this field's name).
 */
export function TextInput({ label, help, ...props }: TextFieldProps & { label: ReactNode; help?: ReactNode }) {
  return (
    <TextField {...props} className="sal-field">
      <Label className="sal-label">{label}</Label>
      <Input className="form-control sal-input" />
      {help && (
        <Text slot="description" className="sal-help">
          {help}
        </Text>
      )}
      <FieldError className="sal-field-error" />
    </TextField>
  );
}

/** A labelled multi-line text input, like {@link TextInput}. */
export function TextArea({ label, help, ...props }: TextFieldProps & { label: ReactNode; help?: ReactNode }) {
  return (
    <TextField {...props} className="sal-field">
      <Label className="sal-label">{label}</Label>
      <RacTextArea className="form-control sal-input" rows={3} />
      {help && (
        <Text slot="description" className="sal-help">
          {help}
        </Text>
      )}
      <FieldError className="sal-field-error" />
    </TextField>
  );
}

/** The key of the empty choice ("any"): react-aria keys cannot be empty. */
const NONE = '__none__';

/** A labelled single choice (react-aria Select: a button and a list box, usable with the keyboard); `''` is a choice too. */
export function Choice({ label, value, onChange, options, name }: { label: string; value: string; onChange(value: string): void; options: [string, string][]; name?: string }) {
  return (
    <Select selectedKey={value || NONE} onSelectionChange={(key) => onChange(key === NONE || key === null ? '' : String(key))} className="sal-field sal-select" name={name}>
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
      <FieldError className="sal-field-error" />
    </Select>
  );
}

