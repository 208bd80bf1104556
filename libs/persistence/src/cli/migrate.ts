import { runCli } from './run-cli';

// `migrate.js` applies pending migrations; `migrate.js revert` undoes the latest one.
runCli(async (dataSource) => {
  if (process.argv[2] === 'revert') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('migrate: reverted the latest migration');
    return;
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length === 0 ? 'migrate: schema up to date' : `migrate: applied ${applied.map((m) => m.name).join(', ')}`);
});
