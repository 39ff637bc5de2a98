/**
 * A scored play submission's entry, read back from `submissions.spec_json` for 'run:get'. The column
 * holds what play:submit's playEntrySchema accepted (server/socket/submit.ts); a row that no longer
 * parses is a StoredRowError (the request answers server/internal), never JSON passed on unchecked.
 */
import { playEntrySchema, type PlayEntry } from '../../game/solo/play';
import { parseStored } from './parse';

export const storedPlayEntry = (specJson: string, submissionId: string): PlayEntry =>
  parseStored(playEntrySchema, specJson, `submissions[${submissionId}].spec_json`);
