/** A Dockerfile read just enough to check it without a Docker engine: its stages and their instructions. */
export interface Instruction {
  keyword: string;
  /** The arguments, continuation lines joined. */
  args: string;
  line: number;
}

export interface Stage {
  /** The `FROM` image or stage. */
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  /** `ARG`s before the first `FROM`, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  stages: Stage[];
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = lines[i];
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i++;
      const next = lines[i];
      if (next.trim().startsWith('#')) continue;
      joined = joined.replace(/\\\s*$/, ' ') + next;
    }
    const match = /^\s*(\S+)\s*(.*)$/s.exec(joined)!;
    instructions.push({ keyword: match[1].toUpperCase(), args: match[2].replace(/\s+/g, ' ').trim(), line: start + 1 });
  }
  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.split(' ').filter((word) => !word.startsWith('--'));
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name, value] = instruction.args.split('=');
        globalArgs[name] = value;
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** A stage and the stages it is built `FROM`, nearest first. */
export function stageChain(dockerfile: ParsedDockerfile, name: string): Stage[] {
  const chain: Stage[] = [];
  let stage = dockerfile.stages.find((s) => s.name === name);
  while (stage) {
    chain.push(stage);
    const parent = stage.from;
    stage = dockerfile.stages.find((s) => s.name === parent && !chain.includes(s));
  }
  return chain;
}

/** The instructions that shape a target, from its first ancestor to itself. */
export function effectiveInstructions(dockerfile: ParsedDockerfile, target: string): Instruction[] {
  return stageChain(dockerfile, target)
    .reverse()
    .flatMap((s) => s.instructions);
}

/** The user a target runs as: its last `USER` (or its ancestors'); `root` when none. */
export function effectiveUser(dockerfile: ParsedDockerfile, target: string): string {
  const users = effectiveInstructions(dockerfile, target).filter((i) => i.keyword === 'USER');
  return users.length > 0 ? users[users.length - 1].args : 'root';
}

/** `ENV` values of a target (`ENV A=1 B=2` form), later ones winning. */
export function effectiveEnv(dockerfile: ParsedDockerfile, target: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of effectiveInstructions(dockerfile, target).filter((x) => x.keyword === 'ENV')) {
    for (const pair of i.args.split(' ')) {
      const [key, ...value] = pair.split('=');
      env[key] = value.join('=');
    }
  }
  return env;
}

/** The exec-form `CMD` of a target (its own or inherited), as an argument list. */
export function effectiveCmd(dockerfile: ParsedDockerfile, target: string): string[] | undefined {
  const cmds = effectiveInstructions(dockerfile, target).filter((i) => i.keyword === 'CMD');
  return cmds.length > 0 ? (JSON.parse(cmds[cmds.length - 1].args) as string[]) : undefined;
}

/** The sources and destination of a `COPY` and its `--from`, if any. */
export function copyOf(instruction: Instruction): { from: string | undefined; sources: string[]; destination: string } {
  const words = instruction.args.split(' ');
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
}
