/** The machine a run was measured on, printed at the top and stored in results.json. */
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

export type Machine = {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  /** 1-minute load average when the run started: a busy machine gives noisier figures. */
  readonly loadAtStart: number;
};

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
    loadAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function formatMachine(m: Machine): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}; load average ${m.loadAtStart} at start`;
}
