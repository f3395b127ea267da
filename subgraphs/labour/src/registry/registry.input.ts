import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IDEMPOTENCY_KEY_DESCRIPTION, TaskStatus } from '@qn/common';

@InputType({ description: 'A measure of the task (Task.measures) and its value: a whole number ≥ 0 (VND for amounts)' })
export class MeasureValueInput {
  @Field({ description: "The measure's code (Task.measures), e.g. LOANS" })
  measure: string;

  @Field(() => Float, { nullable: true, description: 'Null or left out: not counted' })
  value: number | null;
}

@InputType({ description: "Enters a task's progress for a period and unit (the owning agency's or a co-owner's officers and heads)" })
export class RecordTaskProgressInput {
  @Field(() => ID, { description: 'The task (Task.id), e.g. TASK-V.2-1' })
  taskId: string;

  @Field({ description: 'A year (2024) or a quarter (2024Q3) of 2021–2025' })
  period: string;

  @Field(() => ID, { nullable: true, description: "The province (default) or a district-level unit; a district for the districts' duties (V.16, III.2-2)" })
  unitId?: string | null;

  @Field(() => TaskStatus, { description: 'Where the task stands in the period' })
  status: TaskStatus;

  @Field(() => [MeasureValueInput], { defaultValue: [], description: "The measures' values (none when left out)" })
  values: MeasureValueInput[];

  @Field(() => String, { nullable: true, description: 'What was done and where it is documented (required when DONE)' })
  evidence?: string | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

@InputType({ description: 'Changes an entry: its status, values and evidence, against the version it was read at' })
export class UpdateTaskProgressInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you based the change on; a different current version is a CONFLICT' })
  expectedVersion: number;

  @Field(() => TaskStatus, { description: 'Where the task stands in the period' })
  status: TaskStatus;

  @Field(() => [MeasureValueInput], { defaultValue: [], description: "The measures' values; they replace the entry's (none when left out)" })
  values: MeasureValueInput[];

  @Field(() => String, { nullable: true, description: 'What was done and where it is documented (required when DONE)' })
  evidence?: string | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}

export enum SheetFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(SheetFormat, {
  name: 'SheetFormat',
  description: 'The format of an imported sheet',
  valuesConfig: {
    CSV: { description: 'Comma-separated text, UTF-8 (a BOM is accepted)' },
    XLSX: { description: 'An Excel workbook (its first sheet), base64-encoded' },
  },
});

@InputType({
  description:
    'A sheet of entries: row 1 names the columns task, period, status (required), unit, evidence, version (to change an entry), and one column per measure code (LOANS, LOAN_AMOUNT…)',
})
export class ImportTaskProgressInput {
  @Field(() => SheetFormat, { description: 'CSV or XLSX' })
  format: SheetFormat;

  @Field({ description: 'CSV: the text (UTF-8). XLSX: the file, base64; its first worksheet is read' })
  content: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey: string;
}
