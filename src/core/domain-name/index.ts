/** Domain names: the rules, suggestions from a name, and what a message says about them. Pure. */
export { asciiWords, foldToAscii } from './fold.js';
export { checkName, fixLabel, isValidLabel, MAX_LABEL_LENGTH, splitDomain, violationsOf, type CheckedName, type Violation } from './validate.js';
export { suggestBusiness, suggestDomains, suggestPersonal } from './suggest.js';
export { findDomain, findSuggestionAsk, findSuggestionRequest, isRegistrationClaim, isStopRequest } from './find.js';
