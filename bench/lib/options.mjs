// The command line of bench/run.mjs; scripts/bench.sh builds it.

const USAGE = `usage: node bench/run.mjs --dist DIR --data-dir DIR [--runs N] [--throttle RATE]
       [--sizes 10000,100000] [--build-sizes 1000000|none] [--route-sizes 10000,100000,1000000|none]
       [--only routes] [--seed S] [--timeout SECONDS] [--out DIR]`;

const DEFAULTS = {
  runs: 5,
  throttle: 1,
  sizes: [10_000, 100_000],
  buildSizes: [1_000_000],
  routeSizes: [10_000, 100_000, 1_000_000],
  only: null,
  seed: 1,
  timeout: 600,
  out: 'bench',
};

const sizeList = (flag, value) => (value === 'none' ? [] : value.split(',').map((size) => Math.round(positive(flag, size))));

function positive(flag, text) {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number, not "${text}"\n${USAGE}`);
  return value;
}

/** Reads `--flag value` pairs; throws with the usage on anything else. */
export function parseOptions(args) {
  const options = { ...DEFAULTS };
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    switch (flag) {
      case '--dist': options.dist = value; break;
      case '--data-dir': options.dataDir = value; break;
      case '--out': options.out = value; break;
      case '--runs': options.runs = Math.round(positive(flag, value)); break;
      case '--throttle': options.throttle = positive(flag, value); break;
      case '--seed': options.seed = Math.round(positive(flag, value)); break;
      case '--timeout': options.timeout = positive(flag, value); break;
      case '--sizes': options.sizes = sizeList(flag, value); break;
      case '--build-sizes': options.buildSizes = sizeList(flag, value); break;
      case '--route-sizes': options.routeSizes = sizeList(flag, value); break;
      case '--only':
        if (value !== 'routes') throw new Error(`--only takes "routes", not "${value}"\n${USAGE}`);
        options.only = value;
        break;
      default: throw new Error(`unknown argument "${flag}"\n${USAGE}`);
    }
  }
  if (!options.dist || !options.dataDir) throw new Error(`--dist and --data-dir are required\n${USAGE}`);
  if (options.sizes.length === 0) throw new Error(`--sizes needs at least one size\n${USAGE}`);
  return options;
}

/** Where scripts/bench.sh writes the generated data for a size. */
export function dataFile(options, size) {
  return `${options.dataDir}/site-${size}-seed${options.seed}.json`;
}
