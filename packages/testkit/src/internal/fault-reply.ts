import type { Fault } from '../fault.js';
import type { ErrorReply } from './http.js';

/** The HTTP error a status fault answers with; undefined for faults that answer 200 or hang. */
export function faultErrorReply(fault: Fault): ErrorReply | undefined {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      return {
        status: 429,
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        message: `Rate limit reached (injected by the fake OpenAI server). Please try again in ${seconds}s.`,
        headers: {
          'retry-after': String(seconds),
          'retry-after-ms': String(Math.round(seconds * 1000)),
        },
      };
    }
    case 'server-error':
      return {
        status: 500,
        type: 'server_error',
        code: null,
        message:
          'The server had an error while processing your request (injected by the fake OpenAI server). Retry the request.',
      };
    case 'unauthorized':
      return {
        status: 401,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
        message:
          'Incorrect API key provided (injected by the fake OpenAI server). Check the apiKey given to the client.',
      };
    default:
      return undefined;
  }
}
