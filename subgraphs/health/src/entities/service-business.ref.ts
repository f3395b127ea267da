import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SERVICE_BUSINESS_DESCRIPTION } from '@qn/common';

/** Reference to a service business in the police registry; police resolves its name, kind and district. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceBusiness', { description: SERVICE_BUSINESS_DESCRIPTION })
export class ServiceBusinessRef {
  @Field(() => ID)
  id: string;
}
