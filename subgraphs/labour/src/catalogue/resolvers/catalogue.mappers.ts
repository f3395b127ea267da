import { IndicatorRow } from '../entities/indicator';
import { TaskRow } from '../entities/task';

/** Catalogue rows as GraphQL objects: the row's fields plus the names the contract uses. */
export const toIndicator = (row: IndicatorRow) => ({
  ...row,
  title: row.titleEn,
  numeratorDescription: row.numeratorEn,
  denominatorDescription: row.denominatorEn,
});

export const toTask = (row: TaskRow) => ({ ...row, id: row.code, title: row.titleEn });

export type IndicatorObject = ReturnType<typeof toIndicator>;
export type TaskObject = ReturnType<typeof toTask>;
