import type { Server } from "node:http";
import type { Duplex } from "node:stream";

/** A raw HTTP/1.1 response for errors Node reports before any request object exists. */
function rawProblem(status: number, reason: string, title: string, detail: string): string {
  const requestId = crypto.randomUUID();
  const code = "headers_too_large";
  const body = JSON.stringify({
    type: `https://tandem.dev/problems/${code.replaceAll("_", "-")}`,
    title,
    status,
    detail,
    code,
    requestId,
  });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    "content-type: application/problem+json",
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId}`,
    "connection: close",
    "",
    body,
  ].join("\r\n");
}

/**
 * Node refuses oversized headers before the app sees the request, with a bare 431. This
 * answers it as a problem like every other error; other client errors keep Node's answers.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inProgress = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === "ECONNRESET" || !socket.writable || inProgress?.headersSent) {
      socket.destroy();
      return;
    }
    if (err.code === "HPE_HEADER_OVERFLOW") {
      socket.end(
        rawProblem(
          431,
          "Request Header Fields Too Large",
          "Request headers too large",
          "The request's headers are larger than this server accepts (16 KiB in all).",
        ),
      );
      return;
    }
    const status =
      err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
  });
}
