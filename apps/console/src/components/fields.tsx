import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

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
