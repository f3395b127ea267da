import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A business of police's registry; labour keeps only its key and the graph resolves the rest in police. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceBusiness')
export class ServiceBusinessRef {
  @Field(() => ID)
  id: string;
}
