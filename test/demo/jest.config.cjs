/** The demo generator's pure parts (people, offices, the plan): unit tests, no servers. `npm test` runs them with the test project's specs too. */
module.exports = require('../../jest.preset.cjs')('demo');
