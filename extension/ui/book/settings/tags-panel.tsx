import { useEffect, useRef, useState } from 'preact/hooks';
import { readableTextOn, tagKey, type Tag } from '../../../../core';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { focusAfterRender, MoveButtons, moved, useRefocusMoved, type MovedRow } from './move-buttons';
import { TagEditor } from './tag-editor';

/**
 * Configurações › Etiquetas: the seller's tags in their order (the sidebar's keys 1–9 follow it), each with how
 * many customers carry it (counted from the tagIds index). Rename, recolour, rekey, move and delete: each one write.
 */
export function TagsPanel() {
  const { book, t, notify } = useBook();
  const { data } = useBookQuery(async (b) => ({ tags: await b.tags.list(), counts: await b.tags.customerCounts() }), { stores: ['tags', 'customers'] });
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [movedRow, setMovedRow] = useState<MovedRow | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const tags = data?.tags ?? [];
  useRefocusMoved(list, tags.map((tag) => tag.id), movedRow, () => setMovedRow(null));
  const backTo = (tagId: string, action: 'edit' | 'delete') => focusAfterRender(list.current, `[data-${action}="${CSS.escape(tagId)}"]`);

  const move = async (from: number, to: number) => {
    const tag = tags[from] as Tag;
    try {
      await book.tags.reorder(moved(tags.map((each) => each.id), from, to));
      setMovedRow({ id: tag.id, to, direction: to < from ? 'up' : 'down' });
      notify(t('movedTo', { name: tag.name, position: to + 1, count: tags.length }));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  const remove = async (tag: Tag) => {
    try {
      await book.tags.remove(tag.id);
      setDeleting(null);
      notify(t('tagDeleted', { name: tag.name }));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  return (
    <section aria-labelledby="tags-title" class="panel" data-testid="tags-panel">
      <h2 id="tags-title">{t('tags')}</h2>
      <p class="meta">{t('tagsOrderHint')}</p>
      {data && tags.length === 0 && <p>{t('noTags')}</p>}
      <ol class="ordered-list" ref={list}>
        {tags.map((tag, index) => {
          const count = data?.counts.get(tag.id) ?? 0;
          const key = tagKey(tag, index);
          return (
            <li key={tag.id} data-testid="tag-row">
              <div class="row">
                <span class="tag-filled" style={{ backgroundColor: tag.colour, color: readableTextOn(tag.colour) }}>
                  {tag.name}
                </span>
                <span class="meta">
                  {t('customersCount', { count })}
                  {key && ` · ${t('tagKeyIs', { key })}`}
                </span>
                <span class="row-actions">
                  <MoveButtons id={tag.id} name={tag.name} index={index} count={tags.length} onMove={(from, to) => void move(from, to)} />
                  <button type="button" class="secondary" data-edit={tag.id} aria-label={t('editTagNamed', { name: tag.name })} aria-expanded={editing === tag.id} onClick={() => setEditing(editing === tag.id ? null : tag.id)}>
                    {t('edit')}
                  </button>
                  <button type="button" class="secondary" data-delete={tag.id} aria-label={t('deleteTagNamed', { name: tag.name })} onClick={() => setDeleting(tag.id)}>
                    {t('delete')}
                  </button>
                </span>
              </div>
              {editing === tag.id && (
                <TagEditor
                  tag={tag}
                  onDone={() => {
                    setEditing(null);
                    backTo(tag.id, 'edit');
                  }}
                />
              )}
              {deleting === tag.id && (
                <DeleteConfirm
                  tag={tag}
                  count={count}
                  onConfirm={() => void remove(tag)}
                  onCancel={() => {
                    setDeleting(null);
                    backTo(tag.id, 'delete');
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      <h3>{t('newTag')}</h3>
      <TagEditor onDone={() => undefined} />
    </section>
  );
}

/** Asks before deleting, saying how many customers lose the tag; the focus goes to it so the question is heard. */
function DeleteConfirm({ tag, count, onConfirm, onCancel }: { tag: Tag; count: number; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useBook();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={`delete-${tag.id}`}>
      <p id={`delete-${tag.id}`} tabIndex={-1} ref={question}>
        {t('deleteTagQuestion', { name: tag.name, count })}
      </p>
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {t('deleteTagConfirm', { name: tag.name })}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
