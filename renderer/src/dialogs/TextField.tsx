/**
 * One labelled text input of a form: the label names the input (its accessible name), a hint or a
 * warning below it describes it. Every other input attribute passes through.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  /** Shown below the input and read with it. */
  hint?: ReactNode;
  /** Why the value is refused, below the hint, announced. */
  warning?: string | null;
  /** Paths, addresses and other values read character by character. */
  mono?: boolean;
  autoFocus?: boolean;
  grow?: boolean;
}

export function TextField({ id, label, hint, warning, mono, autoFocus, grow, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', warning ? `${id}-warning` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        data-autofocus={autoFocus || undefined}
        className={mono ? 'field-input field-mono' : 'field-input'}
        aria-invalid={warning ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {warning && (
        <p id={`${id}-warning`} className="field-warning" role="alert">
          {warning}
        </p>
      )}
    </div>
  );
}
