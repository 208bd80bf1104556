module.exports = require('../jest.preset.cjs')('activities');
