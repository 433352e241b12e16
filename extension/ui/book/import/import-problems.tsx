import { CsvWriter } from '../../../../core';
import type { ImportError } from '../../../../core/io/import';
import type { Translate } from '../../../i18n/translate';
import type { BookTools } from '../app/book-context';
import { downloadParts } from '../customers/export/export-file';

/** Problems listed on screen; the report has them all. */
export const SHOWN_PROBLEMS = 8;

/** A problem in the seller's words: its code's message, with the cell's text where it has one. The column is shown beside it. */
export function problemText(problem: ImportError, t: Translate): string {
  return t(`import.problem.${problem.code}`, { column: problem.column ?? '', value: problem.value ?? '' });
}

const lineText = (problem: ImportError) => (problem.endLine && problem.endLine !== problem.line ? `${problem.line}–${problem.endLine}` : String(problem.line));

/**
 * The report: line, column and problem, in the words the screen uses, written for Excel in Brazil (the seller
 * opens it with a double click: `;`, UTF-8 with a BOM).
 */
export function problemReport(problems: readonly ImportError[], { t, timeZone }: Pick<BookTools, 't' | 'timeZone'>): string {
  const writer = new CsvWriter('excel-br', timeZone);
  let out = writer.start + writer.line([t('import.col.line'), t('import.col.column'), t('import.col.reason')]);
  for (const problem of problems) out += writer.line([lineText(problem), problem.column ?? '', problemText(problem, t)]);
  return out;
}

export function Problems({ problems, total, tools, fileName }: { problems: readonly ImportError[]; total: number; tools: BookTools; fileName: string }) {
  const { t } = tools;
  if (total === 0) return null;
  const download = () => downloadParts([problemReport(problems, tools)], `${fileName.replace(/\.[^.]+$/, '')}-problemas.csv`);
  return (
    <div class="import-problems">
      <ProblemList problems={problems.slice(0, SHOWN_PROBLEMS)} tools={tools} />
      {total > SHOWN_PROBLEMS && <p>{t('problemsLeft', { count: total - SHOWN_PROBLEMS })}</p>}
      <button type="button" class="secondary" data-testid="import-report" onClick={download}>
        {t('import.downloadProblems')}
      </button>
    </div>
  );
}

export function ProblemList({ problems, tools }: { problems: readonly ImportError[]; tools: BookTools }) {
  const { t } = tools;
  return (
    <ul class="problems" data-testid="import-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.line > 0 && `${t('import.line', { line: lineText(problem) })} — `}
          {problem.column && (
            <>
              <code>{problem.column}</code>:{' '}
            </>
          )}
          {problemText(problem, t)}
        </li>
      ))}
    </ul>
  );
}
