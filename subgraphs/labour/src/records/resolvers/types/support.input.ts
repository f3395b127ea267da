import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { SupportServiceKind } from '../../entities/support';

@InputType({ description: 'A person is registered by pseudonymous code only. There is no field for a name, by design.' })
export class RegisterSupportClientInput {
  @Field({ description: 'QNG- and eight capital letters or digits, e.g. QNG-7K2M9XQ4' })
  code: string;

  @Field(() => ID)
  districtId: string;

  @Field(() => LocalDateResolver)
  registeredOn: string;
}

@InputType()
export class RecordNeedAssessmentInput {
  @Field({ description: 'The person\'s pseudonymous code' })
  clientCode: string;

  @Field(() => LocalDateResolver)
  assessedOn: string;

  @Field()
  inNeed: boolean;

  @Field()
  eligible: boolean;
}

@InputType()
export class RecordSupportServiceUseInput {
  @Field({ description: 'The person\'s pseudonymous code' })
  clientCode: string;

  @Field(() => SupportServiceKind)
  serviceKind: SupportServiceKind;

  @Field(() => LocalDateResolver)
  usedOn: string;
}

@InputType()
export class SupportClientFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string;

  @Field({ nullable: true, description: 'Only persons assessed in need and eligible in this period' })
  inNeedDuring?: string;
}
