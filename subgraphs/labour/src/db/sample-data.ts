import { DataSource } from 'typeorm';

export async function generateSampleData(_dataSource: DataSource): Promise<void> {}
