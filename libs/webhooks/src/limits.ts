/** GitHub caps webhook payloads at 25 MB; larger bodies are refused with 413 before they are read. */
export const WEBHOOK_MAX_BODY_BYTES = 25 * 1024 * 1024;
