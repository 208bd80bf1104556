module.exports = require('../jest.preset.cjs')('workflows', { testTimeout: 120_000 });
