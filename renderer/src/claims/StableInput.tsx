/**
 * An input that renders again only when its props change. React writes an input's name and type again
 * each time it renders one, and with claim highlights on the page Chromium answers any such write by
 * repainting every highlight: a reply that changed nothing here would cost the reader a repaint.
 */
import { forwardRef, memo, type InputHTMLAttributes } from 'react';

export const StableInput = memo(
  forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function StableInput(props, ref) {
    return <input {...props} ref={ref} />;
  }),
);
