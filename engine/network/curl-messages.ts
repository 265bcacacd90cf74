/**
 * What each modelled curl prints, by version. Texts are curl's own:
 * - 7.88.1 (Debian 12): lib/strerror.c ("Couldn't connect to server"),
 *   lib/connect.c ("Failed to connect to %s port %u after %ld ms: %s"),
 *   lib/multi.c ("Connection timed out after %ld milliseconds"),
 *   lib/url.c ("Could not resolve host: %s"), src/tool_msgs.c (helpf).
 * - 8.16.0 (curlimages/curl): lib/strerror.c ("Could not connect to server"),
 *   lib/cf-ip-happy.c, lib/cfilters.c ("Established connection to …").
 */
export interface CurlFlavour {
  version: string;
  couldntConnect: string;
  /** helpf()'s last line. */
  tryHelp: string;
  /** `no URL specified!` (7.88) vs `(2) no URL specified` (8.x). */
  noUrl: string;
  /** `-v` line after the TCP handshake. */
  connected(host: string, ip: string, port: number, localIp: string): string;
  /** `-v` line when a transfer ends with the connection kept. */
  leftIntact(host: string, port: number): string;
  /** `-v` line when the connection is closed after an error. */
  closing: string | undefined;
  /** `-v` lines before `Trying` (8.x prints the resolved addresses). */
  resolved(host: string, port: number, ips: string[]): string[];
  requestSent: string | undefined;
}

export const CURL_DEBIAN: CurlFlavour = {
  version: '7.88.1',
  couldntConnect: "Couldn't connect to server",
  tryHelp: "curl: try 'curl --help' or 'curl --manual' for more information\n",
  noUrl: 'curl: no URL specified!\n',
  connected: (host, ip, port) => `* Connected to ${host} (${ip}) port ${port} (#0)\n`,
  leftIntact: (host) => `* Connection #0 to host ${host} left intact\n`,
  closing: '* Closing connection 0\n',
  resolved: () => [],
  requestSent: undefined,
};

export const CURL_ALPINE: CurlFlavour = {
  version: '8.16.0',
  couldntConnect: 'Could not connect to server',
  tryHelp: "curl: try 'curl --help' or 'curl --manual' for more information\n",
  noUrl: 'curl: (2) no URL specified\n',
  connected: (host, ip, port, localIp) => `* Established connection to ${host} (${ip} port ${port}) from ${localIp} port 45678 \n`,
  leftIntact: (host, port) => `* Connection #0 to host ${host}:${port} left intact\n`,
  closing: undefined,
  resolved: (host, port, ips) => [`* Host ${host}:${port} was resolved.\n`, '* IPv6: (none)\n', `* IPv4: ${ips.join(', ')}\n`],
  requestSent: '* Request completely sent off\n',
};

/** lib/progress.c max5data(): a size in at most five characters. */
export function max5data(bytes: number): string {
  const KB = 1024;
  const MB = 1024 * 1024;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
}

/** lib/progress.c time2str(): `--:--:--` or ` H:MM:SS`. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** One `\r`-led progress line (lib/progress.c progress_meter()). */
export function progressLine(total: number, received: number, spentMs: number): string {
  const pct = total > 0 ? Math.floor((received * 100) / total) : 0;
  const speed = received > 0 ? Math.floor((received * 1000) / Math.max(spentMs, 1)) : 0;
  const spent = Math.floor(spentMs / 1000);
  return `\r${String(pct).padStart(3)} ${max5data(total)}  ${String(pct).padStart(3)} ${max5data(received)}    0 ${max5data(0)}  ${max5data(speed)}  ${max5data(0)} --:--:-- ${time2str(spent)} --:--:-- ${max5data(speed)}`;
}
