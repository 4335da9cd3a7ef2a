/** A labelled input or textarea whose edits are committed through useDraftField. */
import { forwardRef, memo, useCallback, useId, useLayoutEffect, useRef, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { StableInput } from './StableInput';
import { useDraftField, useDraftInputHandlers } from './useDraftField';

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
  // A textarea is left to the browser while typing: React rewrites a textarea's text content when it
  // renders it and after every input event that reaches it, which resets the browser's own undo
  // (Ctrl+Z would take back one letter at a time). So it is uncontrolled and memoised, and its input
  // events are handled here and go no further; its value is set here only when the draft changes
  // from outside (undo, redo, another window).
  const area = useRef<HTMLTextAreaElement | null>(null);
  const initial = useRef(field.value);
  const { onChange: setDraft } = field;
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    const onInput = (event: Event) => {
      event.stopPropagation();
      setDraft(element.value);
    };
    element.addEventListener('input', onInput);
    element.addEventListener('change', onInput);
    return () => {
      element.removeEventListener('input', onInput);
      element.removeEventListener('change', onInput);
    };
  }, [setDraft, multiline]);
  const setArea = useCallback(
    (element: HTMLTextAreaElement | null) => {
      area.current = element;
      if (typeof ref === 'function') ref(element as HTMLInputElement & HTMLTextAreaElement);
      else if (ref) ref.current = element as HTMLInputElement & HTMLTextAreaElement;
    },
    [ref],
  );
  useLayoutEffect(() => {
    if (area.current && area.current.value !== field.value) area.current.value = field.value;
  }, [field.value]);
  const inputHandlers = useDraftInputHandlers(field);
  const common = {
    id,
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
        <StableTextarea {...common} ref={setArea} defaultValue={initial.current} rows={rows} className="field-input field-textarea" />
      ) : (
        <StableInput
          {...common}
          ref={ref}
          value={field.value}
          type={type}
          className="field-input"
          spellCheck={type !== 'url' && !list}
          list={list}
          autoComplete={list ? 'off' : undefined}
          onChange={inputHandlers.onChange}
          onKeyDown={inputHandlers.onKeyDown}
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

/** A textarea that renders again only when its props change (not on every keystroke of its parent's draft). */
const StableTextarea = memo(
  forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function StableTextarea(props, ref) {
    return <textarea {...props} ref={ref} />;
  }),
);
