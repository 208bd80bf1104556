module.exports = require('../jest.preset.cjs')('infra', { testTimeout: 120_000 });
