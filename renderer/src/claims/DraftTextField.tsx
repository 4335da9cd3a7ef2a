/** A labelled input or textarea whose edits are committed through useDraftField. */
import { forwardRef, useId, type ReactNode } from 'react';
import { useDraftField } from './useDraftField';

interface DraftTextFieldProps {
  label: string;
  value: string;
  onCommit: (next: string) => void;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'url';
  placeholder?: string;
  hint?: string;
  className?: string;
  /** Rendered under the field from the live draft (e.g. a Markdown preview), so it does not jump on commit. */
  renderBelow?: (draft: string) => ReactNode;
  /** Id of a <datalist> of suggestions (the field becomes a combobox). */
  list?: string;
}

export const DraftTextField = forwardRef<HTMLInputElement & HTMLTextAreaElement, DraftTextFieldProps>(function DraftTextField(
  { label, value, onCommit, multiline, rows = 3, type = 'text', placeholder, hint, className, renderBelow, list },
  ref,
) {
  const id = useId();
  const field = useDraftField(value, onCommit);
  const common = {
    id,
    ref,
    value: field.value,
    placeholder,
    onBlur: field.onBlur,
    spellCheck: true,
    // Free text may be Arabic or Hebrew: let the browser pick the direction from the content.
    dir: 'auto' as const,
    'aria-describedby': hint ? `${id}-hint` : undefined,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} className="field-input field-textarea" onChange={(event) => field.onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          className="field-input"
          spellCheck={type !== 'url' && !list}
          list={list}
          autoComplete={list ? 'off' : undefined}
          onChange={(event) => field.onChange(event.target.value)}
          onKeyDown={(event) => {
            // Enter in a one-line field commits it (as leaving it does).
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) field.onBlur();
          }}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {renderBelow?.(field.value)}
    </div>
  );
});
