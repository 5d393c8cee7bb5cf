import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('compliance_evidence_file')
export class ComplianceEvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) checkItemId: string;
  @Column() fileName: string;
  @Column() contentType: string;
  @Column({ type: 'int' }) sizeBytes: number;
  @Column() sha256: string;
  @Column() storageKey: string;
  @Column({ type: 'uuid' }) uploadedBy: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
