export { profileForLine, type MatchableLine, type MatchableProfile, type ProfileMatch } from './match-profile.ts';
