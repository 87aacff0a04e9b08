/** Cross-host identity, catalogue sections 1–4 (see crosshost.ts). */
import { CATALOGUE } from '../../src/engine';
import { crossHostSuite } from './crosshost';

crossHostSuite(CATALOGUE.filter((f) => f.section <= 4).map((f) => f.name));
