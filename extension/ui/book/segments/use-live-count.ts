import { useEffect, useRef, useState } from 'preact/hooks';
import type { RuleProblem } from '../../../background/rule-problems';
import { useBook } from '../app/book-context';

/** Quiet time after the last edit before the rule is counted. */
export const COUNT_AFTER_MS = 200;

export type LiveCount =
  | { kind: 'waiting' }
  | { kind: 'count'; count: number; includesArchived: boolean }
  | { kind: 'problems'; problems: RuleProblem[] }
  | { kind: 'failed' };

/**
 * The count of a rule while it is edited: asked COUNT_AFTER_MS after the last change (and again when the table
 * changes, `updates`), each answer shown only if it is for the latest rule asked (a slower, older answer is dropped).
 * `current` is false from an edit until its answer arrives: the figure shown is then the previous rule's.
 */
export function useLiveCount(rule: unknown, updates: number): { count: LiveCount; current: boolean } {
  const { background } = useBook();
  const [count, setCount] = useState<LiveCount>({ kind: 'waiting' });
  const [current, setCurrent] = useState(false);
  const asked = useRef(0);
  const text = JSON.stringify(rule);

  useEffect(() => {
    const ask = ++asked.current;
    setCurrent(false);
    const timer = setTimeout(() => {
      background.ask({ type: 'segments/count', rule: JSON.parse(text) as unknown }).then(
        (reply) => {
          if (ask !== asked.current) return;
          setCount(reply.ok ? { kind: 'count', count: reply.count, includesArchived: reply.includesArchived } : { kind: 'problems', problems: reply.problems });
          setCurrent(true);
        },
        () => {
          if (ask !== asked.current) return;
          setCount({ kind: 'failed' });
          setCurrent(true);
        },
      );
    }, COUNT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [background, text, updates]);

  // Unmounted: an answer still on its way is for no one.
  useEffect(
    () => () => {
      asked.current += 1;
    },
    [],
  );
  return { count, current };
}
