import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** What an erasure did; the code the records now carry is not returned, so nothing links them back. */
@Directive('@shareable')
@ObjectType({ description: "The outcome of erasing a person's records on a lawful request" })
export class ErasureResult {
  @Field(() => Int, { description: "Records that no longer carry the person's code" })
  records: number;

  @Field(() => LocalDateResolver, { description: 'The day of the erasure' })
  erasedOn: string;
}
