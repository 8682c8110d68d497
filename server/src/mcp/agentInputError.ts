/** A request the agent tools cannot answer, with what was wrong (answered as a tool error, not a crash). */
export class AgentInputError extends Error {}
