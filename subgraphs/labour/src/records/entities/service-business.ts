import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SERVICE_BUSINESS_DESCRIPTION } from '@qn/common';

/** A business of police's registry; labour keeps only its key and the graph resolves the rest in police. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceBusiness', { description: SERVICE_BUSINESS_DESCRIPTION })
export class ServiceBusinessRef {
  @Field(() => ID)
  id: string;
}
