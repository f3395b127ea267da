import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Institution } from './institution';

export enum SessionForm {
  EXTRACURRICULAR = 'EXTRACURRICULAR',
  ASSEMBLY = 'ASSEMBLY',
  CLASS_INTEGRATION = 'CLASS_INTEGRATION',
  CONTEST = 'CONTEST',
  LIFE_SKILLS = 'LIFE_SKILLS',
  MATERIALS = 'MATERIALS',
}
registerEnumType(SessionForm, {
  name: 'SessionForm',
  description:
    'Hoạt động ngoại khóa (extracurricular), chào cờ / sinh hoạt dưới cờ (assembly), lồng ghép vào môn học (class integration), hội thi (contest), giáo dục kỹ năng sống (life skills), tài liệu / pano (materials)',
  valuesConfig: {
    ASSEMBLY: { description: 'Sinh hoạt dưới cờ, chào cờ: school assembly' },
    CLASS_INTEGRATION: { description: 'Lồng ghép vào môn học: within a class subject' },
    EXTRACURRICULAR: { description: 'Ngoại khóa: extracurricular activity' },
    LIFE_SKILLS: { description: 'Giáo dục kỹ năng sống: life-skills education' },
    CONTEST: { description: 'Hội thi: contest' },
    MATERIALS: { description: 'Tài liệu, ấn phẩm: materials handed out' },
  },
});

/** One prevention-communication session at an institution; its reach is the numerator of IND-1.3c. */
@Authorized('RECORDS')
@ObjectType({ description: 'A prostitution-prevention communication session held at an institution, and how many students it reached' })
@Entity()
@Index(['institutionId', 'heldOn'])
@Index(['heldOn'])
export class CommunicationSession {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The institution it was held at (Institution.id)' })
  @Column('uuid')
  institutionId: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  institution: Institution;

  @Field({ description: 'The school year the session belongs to, e.g. 2023-2024' })
  @Column({ length: 9 })
  schoolYear: string;

  @Field(() => LocalDateResolver)
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => SessionForm, { description: 'The form of the session (ngoại khóa, chào cờ, lồng ghép …)' })
  @Column({ type: 'varchar', length: 30 })
  form: SessionForm;

  @Field(() => Int, { description: 'Students who took part' })
  @Column({ type: 'int' })
  studentsReached: number;

  @Field(() => String, { nullable: true, description: 'What it was about, e.g. "Phòng, chống mua bán người và mại dâm trên mạng"' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  topic: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
