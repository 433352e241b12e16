// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackupFile, serializeBackupLines, type Book } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { dashboardBookDocument } from '../../../../core/segments/testing/dashboard-book';
import { monthAnswer, monthBefore, monthKey } from '../../../../core/segments/testing/dashboard-answer';
import { formatMoney } from '../../../i18n/format';
import { translate, type MessageKey } from '../../../i18n/translate';
import { BookProvider } from '../app/book-context';
import { useRoute } from '../app/router';
import { localBackground } from '../testing/local-background';
import { DashboardScreen } from './dashboard-screen';

const NOW = new Date('2026-12-01T13:00:00.000Z');
const SP = 'America/Sao_Paulo';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const brl = (minor: number) => formatMoney(minor, 'BRL', 'pt-BR');

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
  history.replaceState(null, '', '/book.html#/painel');
});
afterEach(() => {
  cleanup();
  book.close();
});

function Routed() {
  return <DashboardScreen route={useRoute()} rest={[]} />;
}

function mount() {
  render(
    <BookProvider book={book} background={localBackground(book, NOW)} locale="pt-BR" timeZone={SP}>
      <Routed />
    </BookProvider>,
  );
}

/** A card's line: its figure now, the previous period's and the change, as shown. */
function cardLine(metric: string, currency?: string) {
  const card = document.querySelector(`[data-metric="${metric}"]`) as HTMLElement;
  const line = (currency ? card.querySelector(`.metric-line[data-currency="${currency}"]`) : card.querySelector('.metric-line')) as HTMLElement;
  return { current: line.querySelector('.metric-value')?.textContent, previous: line.querySelector('.metric-previous')?.textContent, change: line.querySelector('.metric-change')?.textContent };
}

describe('Painel', () => {
  it('shows this month and the whole month before on the cards, equal to a count over the seeded orders, money per currency', async () => {
    const document_ = dashboardBookDocument(NOW);
    await restoreBackupFile(book, serializeBackupLines(document_).join(''));
    mount();
    await screen.findByTestId('metric-cards');
    const current = monthAnswer(document_, monthKey(NOW.getTime(), SP), SP);
    const previous = monthAnswer(document_, monthBefore(monthKey(NOW.getTime(), SP)), SP);
    expect(cardLine('revenue', 'BRL')).toMatchObject({ current: brl(current.revenueMinor.BRL ?? 0), previous: t('dashboard.previous', { value: brl(previous.revenueMinor.BRL ?? 0) }) });
    expect(cardLine('average-ticket', 'BRL').previous).toBe(t('dashboard.previous', { value: brl(previous.averageTicketMinor.BRL as number) }));
    expect(cardLine('revenue-per-customer', 'BRL').previous).toBe(t('dashboard.previous', { value: brl(previous.revenuePerCustomerMinor.BRL as number) }));
    expect(cardLine('orders')).toMatchObject({ current: String(current.orders), previous: t('dashboard.previous', { value: String(previous.orders) }) });
    expect(cardLine('new-customers')).toMatchObject({ current: String(current.newCustomers), previous: t('dashboard.previous', { value: String(previous.newCustomers) }) });
    // EUR has its own line, never added to BRL.
    expect(document.querySelectorAll('[data-metric="revenue"] .metric-line').length).toBe(Object.keys({ ...current.revenueMinor, ...previous.revenueMinor }).length);
    // The change in words: December has barely begun, so its revenue is below November's.
    expect(cardLine('revenue', 'BRL').change).toMatch(/^↓ .* abaixo do período anterior$/);
    expect(screen.getByTestId('dashboard-windows').textContent).toBe(t('dashboard.windows', { current: '01/12/2026 a 31/12/2026', previous: '01/11/2026 a 30/11/2026' }));
  });

  it('has a table with caption and headers behind every chart, with the charts’ numbers (no canvas here: tables only)', async () => {
    const document_ = dashboardBookDocument(NOW);
    await restoreBackupFile(book, serializeBackupLines(document_).join(''));
    mount();
    await screen.findByTestId('metric-cards');
    expect(document.querySelector('[role="img"]')).toBeNull();
    for (const id of ['revenue', 'activity', 'cohorts', 'feedback']) {
      const table = within(screen.getByTestId(`chart-${id}`)).getByRole('table');
      expect(table.querySelector('caption')?.textContent, id).toBeTruthy();
      expect(table.querySelectorAll('th[scope="col"]').length, id).toBeGreaterThan(1);
    }
    const november = screen.getByTestId('revenue-table').querySelector('tr[data-month="2026-11"] td[data-currency="BRL"]');
    expect(november?.textContent).toBe(brl(monthAnswer(document_, '2026-11', SP).revenueMinor.BRL as number));
    const activity = [...screen.getByTestId('activity-table').querySelectorAll('tbody td')].map((cell) => Number(cell.textContent));
    expect(activity.reduce((a, b) => a + b, 0)).toBe(document_.customers.filter((c) => c.archivedAt === null).length);
    expect(screen.getByTestId('cohort-table').querySelectorAll('tbody tr').length).toBeLessThanOrEqual(12);
    const csatNovember = document_.feedback.filter((f) => f.kind === 'csat' && monthKey(Date.parse(f.receivedAt), SP) === '2026-11');
    expect(screen.getByTestId('feedback-table').querySelector('tr[data-month="2026-11"] td[data-series="csat"]')?.textContent).toBe(
      new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 }).format(csatNovember.filter((f) => f.score >= 4).length / csatNovember.length),
    );
  });

  it('compares another period when the seller picks it, and keeps it in the address', async () => {
    const document_ = dashboardBookDocument(NOW);
    await restoreBackupFile(book, serializeBackupLines(document_).join(''));
    mount();
    await screen.findByTestId('metric-cards');
    fireEvent.change(screen.getByLabelText(t('dashboard.period')), { target: { value: 'quarter' } });
    await waitFor(() => expect(screen.getByTestId('dashboard-windows').textContent).toBe(t('dashboard.windows', { current: '01/10/2026 a 31/12/2026', previous: '01/07/2026 a 30/09/2026' })));
    expect(location.hash).toBe('#/painel?periodo=trimestre');
    const quarter = ['2026-10', '2026-11', '2026-12'].map((month) => monthAnswer(document_, month, SP).orders).reduce((a, b) => a + b, 0);
    expect(cardLine('orders').current).toBe(String(quarter));
  });

  it('says in words when there is nothing to show yet', async () => {
    mount();
    await screen.findByTestId('metric-cards');
    expect(screen.getByText(t('dashboard.empty'))).toBeTruthy();
    expect(document.querySelector('[data-metric="revenue"] .metric-empty')?.textContent).toBe(t('dashboard.none.sales'));
    expect(document.querySelector('[data-metric="csat"] .metric-empty')?.textContent).toBe(t('dashboard.none.ratings'));
    expect(document.querySelector('[data-metric="predicted"] .metric-empty')?.textContent).toMatch(new RegExp(`^(${t('dashboard.predicted.pending')}|${t('dashboard.predicted.unavailable').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})$`));
    expect(screen.getByText(t('dashboard.revenueEmpty'))).toBeTruthy();
    expect(screen.getByText(t('dashboard.cohortsEmpty'))).toBeTruthy();
    expect(screen.getByText(t('dashboard.feedbackEmpty'))).toBeTruthy();
  });
});
