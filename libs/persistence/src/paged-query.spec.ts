import { DataSource } from 'typeorm';
import { among, applyFilters, contains, daysAgo, either, equals, since, until } from './paged-query';

// A query builder is enough to see the SQL a list's filters make: nothing here connects.
const dataSource = new DataSource({ type: 'postgres' });
const journeys = () => dataSource.createQueryBuilder().select('1').from('journeys', 'j');

describe('the filters of a read-model list', () => {
  const filters = {
    officeIds: among('j.office_id'),
    stage: equals<string>('j.stage'),
    reason: contains<string>('j.stall_reasons'),
    minDays: daysAgo('j.stalled_since'),
    stalled: either('j.stalled_since IS NOT NULL', 'j.stalled_since IS NULL'),
  };

  it('add the condition of each filter given, in the order the list defines them, each value bound', () => {
    const [sql, params] = applyFilters(journeys(), filters, { minDays: 3, stalled: false, officeIds: ['CPI-A', 'CPI-B'], reason: 'overdue_action' }).getQueryAndParameters();
    expect(sql).toBe(
      'SELECT 1 FROM "journeys" "j" WHERE j.office_id = ANY($1) AND $2 = ANY(j.stall_reasons) AND j.stalled_since <= CAST(:now AS timestamptz) - make_interval(days => $3) AND j.stalled_since IS NULL',
    );
    expect(params).toEqual([['CPI-A', 'CPI-B'], 'overdue_action', 3]);
  });

  it('leave the query alone when no filter is given (an absent value, not a false one)', () => {
    expect(applyFilters(journeys(), filters, {}).getQuery()).toBe('SELECT 1 FROM "journeys" "j"');
    expect(applyFilters(journeys(), filters, { stalled: true }).getQuery()).toBe('SELECT 1 FROM "journeys" "j" WHERE j.stalled_since IS NOT NULL');
  });

  it('read a period bound as a Rome calendar day (to: the whole day) or as an instant (to: exclusive)', () => {
    const period = { from: since('j.closed_at'), to: until('j.closed_at') };
    const days = applyFilters(journeys(), period, { from: '2026-03-01', to: '2026-03-01' }).getQueryAndParameters();
    expect(days).toEqual(['SELECT 1 FROM "journeys" "j" WHERE j.closed_at >= $1 AND j.closed_at < $2', ['2026-02-28T23:00:00.000Z', '2026-03-01T23:00:00.000Z']]);
    const instants = applyFilters(journeys(), period, { from: '2026-03-01T10:00:00+01:00', to: '2026-03-01T12:00:00+01:00' }).getParameters();
    expect(instants).toEqual({ filter_from: '2026-03-01T09:00:00.000Z', filter_to: '2026-03-01T11:00:00.000Z' });
  });
});
