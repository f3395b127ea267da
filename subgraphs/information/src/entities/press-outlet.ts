import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum PressLevel {
  PROVINCIAL = 'PROVINCIAL',
  CENTRAL = 'CENTRAL',
}
registerEnumType(PressLevel, {
  name: 'PressLevel',
  description: 'Cơ quan báo chí cấp tỉnh (provincial) or cấp trung ương (central)',
  valuesConfig: {
    PROVINCIAL: { description: 'Báo chí địa phương (cấp tỉnh): provincial press' },
    CENTRAL: { description: 'Báo chí Trung ương: central press' },
  },
});

export enum PressMedium {
  PRINT = 'PRINT',
  ONLINE = 'ONLINE',
  RADIO = 'RADIO',
  TV = 'TV',
}
registerEnumType(PressMedium, {
  name: 'PressMedium',
  description: 'Báo in, báo điện tử, phát thanh or truyền hình: how an outlet reaches its public',
  valuesConfig: {
    PRINT: { description: 'Báo in: print' },
    ONLINE: { description: 'Báo điện tử: online' },
    RADIO: { description: 'Phát thanh: radio' },
    TV: { description: 'Truyền hình: television' },
  },
});

/** A press outlet whose prevention publications count towards IND-1.2a (provincial) or IND-1.2b (central); public reference data, changed only by information. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A newspaper, radio or television station, provincial or central' })
@Entity()
@Index(['name'], { unique: true })
export class PressOutlet {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'e.g. Báo Quảng Ngãi, Đài Phát thanh - Truyền hình Quảng Ngãi, Báo Lao động' })
  @Column({ length: 200 })
  name: string;

  @Field(() => PressLevel, { description: 'Provincial or central press (IND-1.2a counts provincial, IND-1.2b central)' })
  @Column({ type: 'varchar', length: 20 })
  level: PressLevel;

  @Field(() => PressMedium, { description: 'Print, online, radio or television' })
  @Column({ type: 'varchar', length: 20 })
  medium: PressMedium;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
