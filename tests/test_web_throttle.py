"""Sign-in attempts limited per client: the page's login (Gradio's POST /login) and HTTP Basic on
/api share one count per client address; 429 with Retry-After past the limit, until the window
passes; a success resets the count. The throttle alone with a fake clock, then a real server on
127.0.0.1 over HTTP (client addresses varied by binding 127.0.0.x, and by X-Forwarded-For, which
uvicorn believes only from 127.0.0.1 by default)."""

from __future__ import annotations

import threading

import httpx
import pytest

from ess_qa import web
from ess_qa.web.throttle import MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_SECONDS, SignInThrottle, client_key
from support import free_port

LIMIT = MAX_FAILED_SIGN_INS
WINDOW = SIGN_IN_WINDOW_SECONDS


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the throttle alone ----------------------------------------------------------------------------


def test_the_documented_limit_is_5_failures_per_5_minutes():
    assert (LIMIT, WINDOW) == (5, 300.0)


def test_past_the_limit_a_client_waits_until_its_oldest_failure_is_a_window_old():
    clock = Clock()
    throttle = SignInThrottle(clock=clock)
    for _ in range(LIMIT):
        assert throttle.attempt("203.0.113.1") is None
        clock.now += 10
    assert throttle.attempt("203.0.113.1") == WINDOW - 10 * LIMIT
    assert throttle.attempt("203.0.113.2") is None  # another client is not held up
    clock.now += WINDOW - 10 * LIMIT - 1
    assert throttle.attempt("203.0.113.1") == 1
    clock.now += 1
    assert throttle.attempt("203.0.113.1") is None  # the first failure aged out: one more try


def test_a_success_resets_the_count():
    throttle = SignInThrottle(clock=Clock())
    for _ in range(LIMIT - 1):
        throttle.attempt("203.0.113.1")
    throttle.succeeded("203.0.113.1")
    assert all(throttle.attempt("203.0.113.1") is None for _ in range(LIMIT))
    assert throttle.attempt("203.0.113.1") is not None


def test_concurrent_attempts_never_pass_the_limit():
    throttle = SignInThrottle()
    passed: list[bool] = []
    start = threading.Barrier(20)

    def guess() -> None:
        start.wait(10)
        passed.append(throttle.attempt("203.0.113.1") is None)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert passed.count(True) == LIMIT and len(passed) == 20


def test_memory_is_bounded_and_old_clients_are_forgotten():
    clock = Clock()
    throttle = SignInThrottle(max_clients=3, clock=clock)
    for n in range(5):
        throttle.attempt(f"203.0.113.{n}")
    assert throttle.tracked() == 3  # the oldest two were dropped for the newest
    clock.now += WINDOW
    throttle.attempt("198.51.100.1")
    assert throttle.tracked() == 1  # the others' failures are a window old


@pytest.mark.parametrize(
    ("client", "key"),
    [
        (("203.0.113.7", 5000), "203.0.113.7"),
        (("2001:db8:1:2:aaaa::1", 5000), "2001:db8:1:2::/64"),
        (("2001:db8:1:2:bbbb::9", 5000), "2001:db8:1:2::/64"),  # one host holds a whole /64
        (("::ffff:203.0.113.7", 5000), "203.0.113.7"),
        (None, "unknown"),
    ],
)
def test_clients_are_counted_by_address_and_ipv6_by_64_network(client, key):
    assert client_key({"client": client}) == key


# --- over HTTP -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clock():
    return Clock()


@pytest.fixture(scope="module")
def protected(assistant, clock):
    with pytest.MonkeyPatch.context() as env:
        env.delenv("FORWARDED_ALLOW_IPS", raising=False)  # uvicorn's default: believe X-Forwarded-For from 127.0.0.1 only
        running = web.launch(
            "127.0.0.1", free_port(), assistant=assistant, auth=[("alice", "s3cret")], throttle=SignInThrottle(clock=clock), quiet=True
        )
    yield running
    running.close()


def client_from(server, address: str = "127.0.0.1", forwarded: str | None = None) -> httpx.Client:
    """An HTTP client connecting from `address` (any 127.0.0.x), saying X-Forwarded-For: `forwarded` when given."""
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return httpx.Client(base_url=server.url, transport=httpx.HTTPTransport(local_address=address), headers=headers)


def log_in(browser: httpx.Client, password: str) -> httpx.Response:
    return browser.post("login", data={"username": "alice", "password": password})


def test_wrong_passwords_on_the_login_page_get_429_with_retry_after(protected, clock):
    with client_from(protected, forwarded="203.0.113.10") as browser:
        assert [log_in(browser, "wrong").status_code for _ in range(LIMIT)] == [400] * LIMIT
        refused = log_in(browser, "s3cret")  # even the right password, while refused
        assert refused.status_code == 429 and refused.headers["retry-after"] == str(int(WINDOW))
        assert refused.json() == {"detail": f"too many failed sign-ins from your address: try again in {int(WINDOW)} s"}
        clock.now += 120
        assert log_in(browser, "wrong").headers["retry-after"] == str(int(WINDOW) - 120)
        clock.now += WINDOW - 120
        assert log_in(browser, "s3cret").status_code == 200  # the window passed


def test_another_client_address_is_not_blocked(protected):
    with client_from(protected, address="127.0.0.2") as attacker, client_from(protected, address="127.0.0.3") as colleague:
        for _ in range(LIMIT):
            log_in(attacker, "wrong")
        assert log_in(attacker, "s3cret").status_code == 429
        assert log_in(colleague, "s3cret").status_code == 200
        assert colleague.get("source?file=metropoles-ess.txt&page=17").status_code == 200


def test_a_successful_login_resets_the_count(protected):
    with client_from(protected, forwarded="203.0.113.11") as browser:
        for _ in range(LIMIT - 1):
            assert log_in(browser, "wrong").status_code == 400
        assert log_in(browser, "s3cret").status_code == 200
        assert [log_in(browser, "wrong").status_code for _ in range(LIMIT)] == [400] * LIMIT
        assert log_in(browser, "wrong").status_code == 429


def test_a_forwarded_address_is_believed_only_from_a_trusted_proxy(protected):
    with client_from(protected, address="127.0.0.4") as untrusted:
        for n in range(LIMIT):  # a new X-Forwarded-For each time: ignored, all count for 127.0.0.4
            untrusted.headers["X-Forwarded-For"] = f"198.51.100.{n}"
            assert log_in(untrusted, "wrong").status_code == 400
        untrusted.headers["X-Forwarded-For"] = "198.51.100.200"
        assert log_in(untrusted, "s3cret").status_code == 429
    with client_from(protected, forwarded="198.51.100.200") as proxied:  # from 127.0.0.1, a trusted proxy
        assert log_in(proxied, "s3cret").status_code == 200


def test_wrong_basic_credentials_on_the_api_get_401_then_429(protected):
    with client_from(protected, forwarded="203.0.113.12") as program:
        for _ in range(LIMIT):
            refused = program.get("api/search", params={"q": "SCIC"}, auth=("alice", "wrong"))
            assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
        throttled = program.get("api/search", params={"q": "SCIC"}, auth=("alice", "s3cret"))
        assert throttled.status_code == 429 and throttled.headers["retry-after"] == str(int(WINDOW))
        assert throttled.json() == {"error": f"too many failed sign-ins from your address: try again in {int(WINDOW)} s"}
        assert "passages" not in throttled.text


def test_the_api_and_the_login_page_share_one_count(protected):
    with client_from(protected, forwarded="203.0.113.13") as client:
        for _ in range(LIMIT - 1):
            client.get("api/ask", params={"q": "SCIC"}, auth=("alice", "wrong"))
        assert client.get("api/search", params={"q": "SCIC", "k": 1}, auth=("alice", "s3cret")).status_code == 200  # resets
        for _ in range(LIMIT - 1):
            log_in(client, "wrong")
        assert client.get("api/search", params={"q": "SCIC"}, auth=("alice", "wrong")).status_code == 401
        assert log_in(client, "s3cret").status_code == 429


def test_calls_without_credentials_are_not_sign_in_attempts(protected):
    with client_from(protected, forwarded="203.0.113.14") as client:
        assert [client.get("api/search", params={"q": "SCIC"}).status_code for _ in range(LIMIT + 1)] == [401] * (LIMIT + 1)
        assert log_in(client, "s3cret").status_code == 200
        for _ in range(LIMIT):
            log_in(client, "wrong")
        assert log_in(client, "s3cret").status_code == 429
        assert client.get("api/search", params={"q": "SCIC", "k": 1}).status_code == 200  # its session still works


def test_the_login_page_states_the_rule(protected):
    detail = httpx.get(protected.url + "config").json()["detail"]
    assert "After 5 failed attempts, wait 5 min" in detail["auth_message"]


def test_without_a_login_nothing_is_throttled(assistant):
    running = web.launch("127.0.0.1", free_port(), assistant=assistant, throttle=SignInThrottle(limit=1), quiet=True)
    try:
        for _ in range(3):
            response = httpx.get(running.url + "api/search", params={"q": "SCIC", "k": 1}, auth=("anyone", "anything"))
            assert response.status_code == 200
    finally:
        running.close()
