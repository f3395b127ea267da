import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyPerCaller1796142788065 implements MigrationInterface {
  name = 'IdempotencyPerCaller1796142788065';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "idempotency_key" DROP CONSTRAINT "PK_fc9ce4ebc11d09b2e28198f69b8"');
    await queryRunner.query('ALTER TABLE "idempotency_key" ADD CONSTRAINT "PK_15bbc5298ddd8af57469af2fb58" PRIMARY KEY ("subject", "key")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "idempotency_key" DROP CONSTRAINT "PK_15bbc5298ddd8af57469af2fb58"');
    await queryRunner.query('ALTER TABLE "idempotency_key" ADD CONSTRAINT "PK_fc9ce4ebc11d09b2e28198f69b8" PRIMARY KEY ("key")');
  }
}
