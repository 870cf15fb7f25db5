/** Everything one `npm run bench` measured, plus where and when. */
import type { ColdStart } from '../coldstart/module-load';
import type { DependencySize } from '../coldstart/dependency-size';
import type { DriftSection } from '../drift/section';
import type { EtiquetteSection } from '../etiquette/section';
import type { MigrationSection } from '../migration/section';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  totalSeconds: number;
  drift: DriftSection;
  migration: MigrationSection;
  etiquette: EtiquetteSection[];
  coldStart: ColdStart;
  dependencies: DependencySize;
}
