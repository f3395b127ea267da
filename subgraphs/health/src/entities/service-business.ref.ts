import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Reference to a service business in the police registry; police resolves its name, kind and district. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceBusiness')
export class ServiceBusinessRef {
  @Field(() => ID)
  id: string;
}
