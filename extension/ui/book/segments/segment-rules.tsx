import { useEffect, useState } from 'preact/hooks';
import type { Tag } from '../../../../core';
import type { SegmentListReply, SegmentSummary } from '../../../background/segment-service';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { RuleBuilder } from './rule-builder';
import { draftOf, type Draft } from './rule-draft';
import { SavedSegments } from './saved-segments';
import './segments.css';

const NO_TAGS: readonly Tag[] = [];

/**
 * Custom segments on Segmentos: the rule builder and the saved segments, their counts from the background
 * (`segments/list`), read again after a save or a removal and when the table changes (`updates`).
 */
export function SegmentRules({ updates }: { updates: number }) {
  const { t, locale, background } = useBook();
  const tags = useBookQuery((b) => b.tags.list(), { stores: ['tags'] }).data ?? NO_TAGS;
  const [list, setList] = useState<SegmentListReply | null>(null);
  const [failed, setFailed] = useState(false);
  const [reads, setReads] = useState(0);
  const [editing, setEditing] = useState<{ id: string; name: string; draft: Draft } | null>(null);
  const again = () => setReads((n) => n + 1);
  const edit = (segment: SegmentSummary) => {
    const draft = list === null ? null : draftOf(segment.rule, locale, list.mainCurrency);
    if (draft === null) return;
    setEditing({ id: segment.id, name: segment.name, draft });
    // The builder, drawn again with the segment, is where the seller goes.
    setTimeout(() => document.getElementById('rules-heading')?.focus(), 0);
  };

  useEffect(() => {
    let live = true;
    background.ask({ type: 'segments/list' }).then(
      (reply) => {
        if (!live) return;
        setFailed(false);
        setList(reply);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [background, updates, reads]);

  if (list === null) return failed ? <p class="error">{t('rules.readFailed')}</p> : null;
  return (
    <>
      <RuleBuilder
        key={editing?.id ?? 'new'}
        tags={tags}
        currency={list.mainCurrency}
        updates={updates}
        editing={editing}
        onCancelEdit={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          again();
        }}
      />
      <SavedSegments segments={list.segments} tags={tags} currency={list.mainCurrency} onEdit={edit} onRemoved={again} />
    </>
  );
}
