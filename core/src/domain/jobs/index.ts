export { FIRST_JOB_NUMBER, formatJobNumber, parseJobNumber } from './job-number.ts';
export { cleanLocation, MAX_LOCATION_LENGTH } from './job-location.ts';
