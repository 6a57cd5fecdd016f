"""Fetch + clean-up rate: news pages served by a local web server, fetched under the safe
policy and read to article text, one at a time (as the import does, host pacing off).

Usage: python bench/pages.py [--pages 300]
Prints pages/s for the fetch alone, the extraction alone and both together.
"""

import argparse
import functools
import ipaddress
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.ingest.fetching import FetchPolicy, fetch
from articles.ingest.pages import read_page

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "pages"
NAMES = ["ferry-cuts.html", "bridge-nb.html"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    options = parser.parse_args()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(PAGES)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    policy = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    fetch_times, read_times = [], []
    for n in range(options.pages):
        url = f"{base}/{NAMES[n % len(NAMES)]}"
        started = time.perf_counter()
        body = fetch(url, policy=policy).body
        fetched = time.perf_counter()
        read_page(body, url=url)
        fetch_times.append(fetched - started)
        read_times.append(time.perf_counter() - fetched)
    httpd.shutdown()
    total = sum(fetch_times) + sum(read_times)
    print(f"pages           {options.pages} (tests/data/pages, {len(NAMES)} kinds, local server)")
    print(
        f"fetch           {options.pages / sum(fetch_times):,.0f} pages/s "
        f"(p50 {statistics.median(fetch_times) * 1000:.1f} ms)"
    )
    print(
        f"extract         {options.pages / sum(read_times):,.0f} pages/s "
        f"(p50 {statistics.median(read_times) * 1000:.1f} ms)"
    )
    print(f"fetch + extract {options.pages / total:,.0f} pages/s")


if __name__ == "__main__":
    main()
