import { useEffect, useState, type ReactNode } from 'react';

/**
 * One FAQ entry or question, folded to its summary line so a long list stays readable. It opens
 * when it is new (`startOpen` at first render) and whenever one of its fields has a problem.
 */
export function FoldedItem({ summary, startOpen, hasProblem, className, children }: {
  summary: string; startOpen: boolean; hasProblem: boolean; className: string; children: ReactNode;
}) {
  const [open, setOpen] = useState(startOpen);
  useEffect(() => {
    if (hasProblem) setOpen(true);
  }, [hasProblem]);
  return (
    <li className={`assistant-item ${className}`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{summary}</summary>
        {children}
      </details>
    </li>
  );
}
