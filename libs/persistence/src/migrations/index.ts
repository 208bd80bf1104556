import { CreateReadModel1764158400000 } from './1764158400000-create-read-model';

/** Every migration, oldest first. Never edit one that has been committed: add a new one. */
export const MIGRATIONS = [CreateReadModel1764158400000];
