/** One client's live stream (the API writes it as server-sent events). */
export interface EventSink {
  /** `event: <name>`, `id: <id>` unless null, `data: <JSON>`. */
  event(name: string, id: number | null, data: unknown): void;
  /** A comment line (`: <text>`), e.g. the heartbeat. */
  comment(text: string): void;
  /** Ends the stream (also when the client is gone already). */
  end(): void;
  /** Called once when the stream ended, by `end()` or because the client went away. */
  onClose(listener: () => void): void;
}

/** A job as streamed: the version is the event id; a terminal status ends the stream. */
export interface JobSnapshot {
  version: number;
  status: string;
  data: unknown;
}

export interface StreamClient {
  sink: EventSink;
  /** Job streams: the newest version sent (or the client's Last-Event-ID). */
  lastVersion: number;
  /** Status streams: the JSON last sent. */
  lastJson: string | null;
}
