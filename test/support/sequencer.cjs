// Jest's default order, except that the log redaction test runs last: it reads the logs every other test produced.
const Sequencer = require('@jest/test-sequencer').default;

const LAST = /log-redaction\.e2e\.spec\.ts$/;

class LastRedactionSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const order = (list) => [...list.filter((t) => !LAST.test(t.path)), ...list.filter((t) => LAST.test(t.path))];
    return sorted instanceof Promise ? sorted.then(order) : order(sorted);
  }
}

module.exports = LastRedactionSequencer;
