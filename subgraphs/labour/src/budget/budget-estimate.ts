import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One line of a unit's yearly cost estimate (sections IV, V.1, V.5): a task and what it will cost. */
@ObjectType({ description: "A line of a unit's yearly cost estimate for one task of the plan (VND)" })
@Entity('budget_estimate')
@Unique(['year', 'unitId', 'taskCode'])
export class BudgetEstimate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => ID, { description: 'Agency code or district id' })
  @Column({ length: 30 })
  unitId: string;

  @Field(() => ID, { description: 'The task the cost is for (Task.id)' })
  @Column({ length: 30 })
  taskCode: string;

  @Field({ description: 'Amount in VND (a whole number, as a string: amounts exceed 2^31)' })
  @Column({ type: 'bigint' })
  amount: string;

  @Field({ description: 'PROVINCIAL_BUDGET, DISTRICT_BUDGET, CENTRAL_BUDGET or OTHER' })
  @Column({ length: 20 })
  fundingSource: string;

  @Field()
  @Column({ type: 'text', default: '' })
  note: string;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field()
  @Column({ length: 200 })
  updatedBy: string;

  @Field()
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
