"""Fetching news pages safely, against a local HTTP server only (nothing leaves the
machine): the SSRF refusals, redirects checked hop by hop, caps, timeouts, robots.txt."""

import ipaddress
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles.ingest.fetching import (
    FetchError,
    FetchPolicy,
    HostPacing,
    allowed_by_robots,
    checked_address,
    fetch,
)

PAGE = b"<html lang='nb'><body><article><p>Ferja g\xc3\xa5r i dag.</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    hosts: list[str] = []

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        Handler.hosts.append(self.headers.get("Host", ""))
        routes = {
            "/article": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
            "/robots.txt": lambda: self._send(200, b"User-agent: *\nDisallow: /private\n"),
            "/big": lambda: self._send(200, b"x" * 4096),
            "/big-chunked": self._chunked,
            "/slow": self._slow,
            "/loop": lambda: self._redirect("/loop"),
            "/hop": lambda: self._redirect("/article"),
            "/missing": lambda: self._send(404, b"no"),
        }
        if self.path.startswith("/to?"):
            return self._redirect(self.path.partition("?")[2])
        routes.get(self.path, lambda: self._send(404, b"no"))()

    def _send(self, status, body, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _chunked(self):
        self.send_response(200)
        self.end_headers()  # no length: read until the connection closes
        self.wfile.write(b"y" * 4096)
        self.close_connection = True

    def _slow(self):
        time.sleep(1.5)
        self._send(200, b"late")


class Server(ThreadingHTTPServer):
    # Request threads are joined when the server closes: the slow page's handler, still
    # writing to a client that gave up, ran on into other modules' tests (and CPython
    # 3.11's ast.parse there failed with "AST constructor recursion depth mismatch").
    daemon_threads = False


@pytest.fixture(scope="module")
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


# The local server stands for "the internet": 127.0.0.1 alone is opened, on purpose.
LOCAL = FetchPolicy(
    allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),),
    connect_timeout=2,
    read_timeout=0.5,
    max_bytes=1024,
)


def test_a_page_is_fetched_with_our_user_agent_and_its_charset(server):
    page = fetch(f"{server}/article", policy=LOCAL)
    assert page.status == 200
    assert page.body == PAGE
    assert page.charset == "utf-8"
    assert page.final_url == f"{server}/article"


def test_a_redirect_is_followed_and_recorded(server):
    page = fetch(f"{server}/hop", policy=LOCAL)
    assert page.final_url == f"{server}/article"
    assert page.redirects == (f"{server}/hop",)


@pytest.mark.parametrize(
    ("target", "refusal"),
    [
        ("http://127.0.0.2/", "loopback"),
        ("http://10.0.0.7/admin", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("file:///etc/passwd", "only http and https"),
        ("http://[::1]/", "loopback"),
    ],
)
def test_a_redirect_into_our_network_is_refused_at_the_hop(server, target, refusal):
    with pytest.raises(FetchError, match=refusal):
        fetch(f"{server}/to?{target}", policy=LOCAL)


def test_more_than_five_redirects_are_refused(server):
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{server}/loop", policy=LOCAL)


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://2130706433/", "loopback"),  # decimal
        ("http://0x7f000001/", "loopback"),  # hexadecimal
        ("http://017700000001/", "loopback"),  # octal
        ("http://127.1/", "loopback"),  # short dotted
        ("http://0.0.0.0/", "unspecified"),
        ("http://192.168.1.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://169.254.169.254/", "link-local"),
        ("http://100.100.100.200/", "metadata"),
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/", "only http and https"),
        ("gopher://example.org/", "only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://example.org:99999/", "port"),
    ],
)
def test_the_default_policy_refuses_every_way_into_our_network(url, refusal):
    with pytest.raises(FetchError, match=refusal):
        checked_address(url, FetchPolicy(), lambda host, port: ["127.0.0.1"])


def test_a_public_name_that_resolves_to_a_private_address_is_refused():
    with pytest.raises(FetchError, match=r"news\.example is 10\.20\.30\.40, a private address"):
        checked_address(
            "https://news.example/story", FetchPolicy(), lambda host, port: ["10.20.30.40"]
        )


def test_one_private_address_among_public_ones_is_enough_to_refuse():
    with pytest.raises(FetchError, match="private"):
        checked_address(
            "https://news.example/", FetchPolicy(), lambda h, p: ["93.184.215.14", "10.0.0.1"]
        )


def test_a_public_address_passes():
    assert checked_address(
        "https://news.example/a", FetchPolicy(), lambda host, port: ["93.184.215.14"]
    ) == ("news.example", "93.184.215.14", 443)


def test_the_connection_goes_to_the_checked_address_naming_the_host(server):
    # A second DNS answer (rebinding) never matters: the checked address is dialled.
    port = server.rsplit(":", 1)[1]
    Handler.hosts.clear()
    page = fetch(f"http://news.example:{port}/article", policy=LOCAL, resolve=_local)
    assert page.body == PAGE
    assert Handler.hosts == [f"news.example:{port}"]


def _local(host, port):
    return ["127.0.0.1"]


def test_a_body_over_the_cap_is_refused_with_or_without_a_length(server):
    with pytest.raises(FetchError, match="larger than 1,024 bytes"):
        fetch(f"{server}/big", policy=LOCAL)
    with pytest.raises(FetchError, match="larger than 1,024 bytes"):
        fetch(f"{server}/big-chunked", policy=LOCAL)


def test_a_slow_server_times_out(server):
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", policy=LOCAL)


def test_an_error_status_names_it(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", policy=LOCAL)


def test_robots_txt_is_respected_unless_turned_off(server):
    assert allowed_by_robots(f"{server}/article", policy=LOCAL)
    assert not allowed_by_robots(f"{server}/private/report", policy=LOCAL)
    off = FetchPolicy(respect_robots=False, allowed_networks=LOCAL.allowed_networks)
    assert allowed_by_robots(f"{server}/private/report", policy=off)


def test_requests_to_one_host_are_paced():
    now, slept = [100.0], []
    pacing = HostPacing(2.0, clock=lambda: now[0], sleep=lambda s: slept.append(s))
    pacing.wait("a.example")
    now[0] += 0.5
    pacing.wait("a.example")
    pacing.wait("b.example")
    assert slept == [1.5]
