import { JourneyProjector } from '../journey-projector';
import { runCli } from './run-cli';

runCli(async (dataSource) => {
  const started = Date.now();
  console.log('rebuild-read-model: replaying journey_events into journeys, pact_actions, appointments, journey_services and conditionality_steps');
  const result = await new JourneyProjector(dataSource).rebuild((done, total) => {
    console.log(`rebuild-read-model: ${done}/${total} journeys`);
  });
  console.log(`rebuild-read-model: ${result.journeys} journeys from ${result.events} events in ${Date.now() - started} ms`);
});
