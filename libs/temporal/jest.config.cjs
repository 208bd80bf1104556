module.exports = require('../../jest.preset.cjs')('temporal');
