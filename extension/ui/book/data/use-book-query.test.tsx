// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Book, BookChange, ChangeListener } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { BookProvider } from '../app/book-context';
import { useBookQuery, type BookQueryOptions } from './use-book-query';

afterEach(cleanup);

/** A book that only has a change feed, which the test drives. */
function fakeBook() {
  const listeners = new Set<ChangeListener>();
  const book = {
    onChange(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Book;
  const emit = (change: BookChange) => act(() => listeners.forEach((listener) => listener(change, 'elsewhere')));
  return { book, emit, listening: () => listeners.size };
}

/** A run whose answers the test hands out, one per call, in any order. */
function controlledRun<T>() {
  const calls: { args: unknown[]; resolve: (value: T) => void }[] = [];
  const run = (...args: unknown[]) => new Promise<T>((resolve) => calls.push({ args, resolve }));
  const answer = async (call: number, value: T) => {
    await act(async () => {
      (calls[call] as { resolve: (value: T) => void }).resolve(value);
    });
  };
  return { run, calls, answer };
}

function Probe<T>({ run, options }: { run: (book: Book) => Promise<T>; options: BookQueryOptions<T> }) {
  const { data, loading, error } = useBookQuery(run, options);
  return <output data-loading={String(loading)}>{error ? `error: ${String(error)}` : data === undefined ? '' : String(data)}</output>;
}

function mount<T>(book: Book, run: (book: Book) => Promise<T>, options: BookQueryOptions<T>) {
  const view = render(
    <BookProvider book={book} locale="pt-BR" timeZone="America/Sao_Paulo">
      <Probe run={run} options={options} />
    </BookProvider>,
  );
  const output = () => view.container.querySelector('output') as HTMLOutputElement;
  const rerender = (next: BookQueryOptions<T>) =>
    view.rerender(
      <BookProvider book={book} locale="pt-BR" timeZone="America/Sao_Paulo">
        <Probe run={run} options={next} />
      </BookProvider>,
    );
  return { ...view, output, rerender };
}

describe('useBookQuery', () => {
  it('draws an answer already in hand in its first render, reads nothing until a change, then reads as usual', async () => {
    const { book, emit } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    const view = mount(book, run, { stores: ['customers'], first: { data: 'early' } });
    expect(view.output().textContent).toBe('early');
    expect(view.output().dataset.loading).toBe('false');
    await act(async () => undefined);
    expect(calls).toHaveLength(0);
    emit({ stores: ['customers'], customerIds: [] });
    expect(calls).toHaveLength(1);
    await answer(0, 'read');
    expect(view.output().textContent).toBe('read');
  });

  it('reads afresh when its deps change, even when it began with an answer in hand', async () => {
    const { book } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    const view = mount(book, run, { stores: ['customers'], first: { data: 'early' }, deps: [1] });
    view.rerender({ stores: ['customers'], first: { data: 'early' }, deps: [2] });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(view.output().dataset.loading).toBe('true');
    await answer(0, 'for 2');
    expect(view.output().textContent).toBe('for 2');
  });

  it('re-runs only for changes naming a store it reads, or the whole book', async () => {
    const { book, emit } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    const { output } = mount(book, run, { stores: ['customers'] });
    await answer(0, 'first');
    expect(output().textContent).toBe('first');

    emit({ stores: ['tags'], customerIds: [] });
    emit({ stores: ['orders', 'notes'], customerIds: ['c1'] });
    expect(calls).toHaveLength(1);

    emit({ stores: ['orders', 'customers'], customerIds: ['c1'] });
    expect(calls).toHaveLength(2);
    await answer(1, 'second');
    emit({ stores: ['meta'], customerIds: [], wholeBook: true });
    expect(calls).toHaveLength(3);
    await answer(2, 'third');
    expect(output().textContent).toBe('third');
  });

  it('with a customer, re-runs only when that customer is named or no customer is', async () => {
    const { book, emit } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    mount(book, run, { stores: ['customers', 'notes'], customerId: 'ana' });
    await answer(0, 'ana');
    emit({ stores: ['notes', 'customers'], customerIds: ['bia'] });
    expect(calls).toHaveLength(1);
    emit({ stores: ['notes', 'customers'], customerIds: ['bia', 'ana'] });
    expect(calls).toHaveLength(2);
    await answer(1, 'ana again');
    emit({ stores: ['customers'], customerIds: [] });
    expect(calls).toHaveLength(3);
  });

  it('makes at most one more run for a burst of changes during a run', async () => {
    const { book, emit } = fakeBook();
    const { run, calls, answer } = controlledRun<number>();
    const { output } = mount(book, run, { stores: ['customers'] });
    for (let i = 0; i < 20; i++) emit({ stores: ['customers'], customerIds: [`c${i}`] });
    expect(calls).toHaveLength(1);
    await answer(0, 1);
    // The first answer is shown (it is newer than nothing) while the one extra run reads what the burst wrote.
    expect(output().textContent).toBe('1');
    expect(output().dataset.loading).toBe('true');
    expect(calls).toHaveLength(2);
    await answer(1, 21);
    expect(calls).toHaveLength(2);
    expect(output().textContent).toBe('21');
    expect(output().dataset.loading).toBe('false');
  });

  it('never shows a late answer over a newer one when what it asks changes', async () => {
    const { book } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    const { output, rerender } = mount(book, run, { stores: ['customers'], customerId: 'ana' });
    rerender({ stores: ['customers'], customerId: 'bia' });
    expect(calls).toHaveLength(2);
    await answer(1, 'Bia');
    expect(output().textContent).toBe('Bia');
    await answer(0, 'Ana, late');
    expect(output().textContent).toBe('Bia');
  });

  it('stops on unmount: no run for later changes, no answer applied, no listener left', async () => {
    const { book, emit, listening } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    const { unmount } = mount(book, run, { stores: ['customers'] });
    expect(listening()).toBe(1);
    unmount();
    // Preact runs effect cleanups after the unmount returns.
    await waitFor(() => expect(listening()).toBe(0));
    emit({ stores: ['customers'], customerIds: [], wholeBook: true });
    expect(calls).toHaveLength(1);
    await answer(0, 'after unmount');
  });

  it('re-runs on news from its other source, coalesced the same way', async () => {
    const { book } = fakeBook();
    const { run, calls, answer } = controlledRun<string>();
    let tell: () => void = () => undefined;
    let stopped = false;
    const watch = (changed: () => void) => {
      tell = changed;
      return () => (stopped = true);
    };
    const { unmount } = mount(book, run, { stores: [], watch });
    act(() => tell());
    act(() => tell());
    await answer(0, 'progress 0');
    expect(calls).toHaveLength(2);
    unmount();
    await waitFor(() => expect(stopped).toBe(true));
  });

  it('reports a failed run as its error and recovers on the next change', async () => {
    const { book, emit } = fakeBook();
    let fail = true;
    const { output } = mount(book, async () => {
      if (fail) throw new Error('disco cheio');
      return 'ok';
    }, { stores: ['customers'] });
    await waitFor(() => expect(output().textContent).toBe('error: Error: disco cheio'));
    fail = false;
    emit({ stores: ['customers'], customerIds: [] });
    await waitFor(() => expect(output().textContent).toBe('ok'));
  });

  it('follows real writes to the book: a new customer re-reads the count, a new tag does not', async () => {
    const book = await openTestBook();
    let runs = 0;
    const { output } = mount(book, (b) => ((runs += 1), b.customers.count()), { stores: ['customers'] });
    await waitFor(() => expect(output().textContent).toBe('0'));
    await act(async () => {
      await book.tags.create({ name: 'VIP', colour: '#aa0000' });
      await book.customers.create({ displayName: 'Ana' });
    });
    await waitFor(() => expect(output().textContent).toBe('1'));
    expect(runs).toBe(2);
    book.close();
  });
});
