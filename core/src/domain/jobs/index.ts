export { FIRST_JOB_NUMBER, formatJobNumber, parseJobNumber } from './job-number.ts';
