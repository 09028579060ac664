/** How sure the understanding must be. Below CLARIFY_BELOW the bot asks which of the likely topics was meant. */
export const CLARIFY_BELOW = 0.45;
/** …and below HARMLESS_BELOW for a greeting or a thank-you. */
export const HARMLESS_BELOW = 0.2;
