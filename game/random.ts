/**
 * The seeded generator game/ uses. It lives in models/random.ts because models/ (training shuffles,
 * augmentation, boss subsets) needs it too and models/ never imports game/ (the import direction is
 * game -> models only; tests/unit/game/purity.test.ts checks it).
 */
export { mulberry32, shuffled } from '../models/random';
